using System.Globalization;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Security;

/// <summary>The hub's Unix-millisecond times as UTC text for tables (a missing one as "-").</summary>
internal static class Timestamps
{
    public static string Utc(JsonNode? unixMs) =>
        unixMs is JsonValue value && value.TryGetValue<long>(out var ms) && ms is >= -62135596800000 and <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "-";
}
