using System.Globalization;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Security;

/// <summary>The hub's Unix-millisecond times as UTC text for tables (a missing one as "-").</summary>
internal static class Timestamps
{
    public static string Utc(JsonNode? unixMs) =>
        unixMs?.GetValue<long>() is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "-";
}
