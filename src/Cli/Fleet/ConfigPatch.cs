using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary>Builds a JSON merge patch from <c>Section:Key=value</c> pairs; a value that parses as JSON (number, bool, null) keeps its type.</summary>
internal static class ConfigPatch
{
    public static JsonObject Parse(IEnumerable<string> pairs)
    {
        var patch = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var path = equals > 0 ? pair[..equals].Split(':') : [];
            if (path.Length < 2 || path.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException($"'{pair}' is not Section:Key=value (e.g. Routing:ConfidenceThreshold=0.8)");
            }

            var node = patch;
            foreach (var part in path[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[path[^1]] = Value(pair[(equals + 1)..]);
        }

        return patch;
    }

    private static JsonNode? Value(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            return node is null or JsonValue ? node : JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
