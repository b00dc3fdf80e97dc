using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using EdgeCloud.Events;
using EdgeCloud.Shared.Protocol.Json;
using Grpc.Core;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// <c>edgecloud.events.AgentEvents/Append</c>: the gRPC twin of <c>POST /edgecloud/v1/events</c>.
/// Answers only after the event is committed; a bad field is INVALID_ARGUMENT (expected vs got),
/// an oversized payload RESOURCE_EXHAUSTED, a store that cannot commit UNAVAILABLE.
/// </summary>
internal sealed class AgentEventsGrpcService(SqliteOutbox outbox) : AgentEvents.AgentEventsBase
{
    public override async Task<AppendEventReply> Append(AppendEventRequest request, ServerCallContext context)
    {
        var kind = request.Kind.Length == 0 ? OutboxKinds.Event : request.Kind;
        if (!OutboxKinds.FromApplications.Contains(kind))
        {
            Fail(StatusCode.InvalidArgument, $"kind: expected one of \"{string.Join("\", \"", OutboxKinds.FromApplications)}\", got \"{kind}\"");
        }

        var payload = request.PayloadJson.Length == 0 ? "null"u8.ToArray() : Encoding.UTF8.GetBytes(request.PayloadJson);
        if (payload.Length > outbox.Options.MaxEventBytes)
        {
            Fail(StatusCode.ResourceExhausted, $"payload must be at most {outbox.Options.MaxEventBytes} bytes (Agent:Outbox:MaxEventBytes), got {payload.Length}");
        }

        if (!IsJson(payload, out var problem))
        {
            Fail(StatusCode.InvalidArgument, $"payload_json: expected one JSON value, got invalid JSON: {problem}");
        }

        try
        {
            var receipt = await outbox.AppendAsync(
                new OutboxEntry(request.Id.Length == 0 ? null : request.Id, kind, request.Type, payload), context.CancellationToken);
            return new AppendEventReply { Id = receipt.Id };
        }
        catch (ArgumentException ex)
        {
            Fail(StatusCode.InvalidArgument, ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            return null;
        }
        catch (OutboxUnavailableException ex)
        {
            Fail(StatusCode.Unavailable, $"the event was not stored: {ex.Message}");
            return null;
        }
    }

    private static bool IsJson(byte[] payload, out string? problem)
    {
        if (Utf8Text.FirstInvalidByte(payload) is { } bad)
        {
            problem = $"byte {bad} is not valid UTF-8";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return false;
        }
    }

    [DoesNotReturn]
    private static void Fail(StatusCode code, string message) => throw new RpcException(new Status(code, message));
}
