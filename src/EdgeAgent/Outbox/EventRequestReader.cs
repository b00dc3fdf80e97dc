using System.Text;
using System.Text.Json;
using EdgeCloud.Shared.Protocol.Json;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// Reads the body of <c>POST /edgecloud/v1/events</c>: <c>{"id"?: string, "type": string,
/// "kind"?: "event"|"telemetry"|"audit", "payload"?: any JSON}</c>. Every problem is reported as
/// expected vs got; nothing is guessed.
/// </summary>
internal static class EventRequestReader
{
    private const string Shape = "{\"type\": string, \"id\"?: string, \"kind\"?: \"event\"|\"telemetry\"|\"audit\", \"payload\"?: any JSON}";
    private static readonly byte[] JsonNull = "null"u8.ToArray();

    /// <summary>The entry, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static OutboxEntry? Read(ReadOnlyMemory<byte> body, out string? error)
    {
        if (Utf8Text.FirstInvalidByte(body.Span) is { } bad)
        {
            error = $"the body must be a JSON object {Shape} in UTF-8; byte {bad} is not valid UTF-8";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            error = $"the body must be a JSON object {Shape}; it is not valid JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, out error);
        }
    }

    private static OutboxEntry? Read(JsonElement root, out string? error)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"the body must be a JSON object {Shape}, got {Describe(root)}";
            return null;
        }

        string? id = null;
        string? type = null;
        var kind = OutboxKinds.Event;
        var payload = JsonNull;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id":
                    id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    error = id is null ? $"id: expected a string (1-128 printable ASCII characters), got {Describe(property.Value)}" : null;
                    break;
                case "type":
                    type = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    error = type is null ? $"type: expected a string such as \"door.opened\", got {Describe(property.Value)}" : null;
                    break;
                case "kind":
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    error = value is not null && OutboxKinds.FromApplications.Contains(value)
                        ? null
                        : $"kind: expected one of \"{string.Join("\", \"", OutboxKinds.FromApplications)}\", got {Describe(property.Value)}";
                    kind = value ?? kind;
                    break;
                case "payload":
                    payload = Encoding.UTF8.GetBytes(property.Value.GetRawText());
                    error = null;
                    break;
                default:
                    error = $"unknown property \"{property.Name}\"; expected {Shape}";
                    break;
            }

            if (error is not null)
            {
                return null;
            }
        }

        if (type is null)
        {
            error = $"type is required: expected {Shape}";
            return null;
        }

        error = null;
        return new OutboxEntry(id, kind, type, payload);
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the bool {element.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Truncate(string value) => value.Length <= 64 ? value : $"{value[..64]}…";
}
