using System.Text.Json.Nodes;
using EdgeCloud.Cli.Fleet;

namespace EdgeCloud.Cli.Security;

/// <summary>The audit report as a table of its newest entries and one line on the chain.</summary>
internal static class AuditReportText
{
    /// <summary>True only when the report says, as a JSON true, that the whole chain verifies.</summary>
    public static bool Verified(JsonObject report) =>
        report["verified"] is JsonValue value && value.TryGetValue<bool>(out var verified) && verified;

    public static async Task WriteAsync(TextWriter output, JsonObject report, int last)
    {
        var entries = (report["entries"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shown = last == 0 ? entries : entries.TakeLast(last).ToList();
        await Table.WriteAsync(
            output,
            ["SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "RESULT"],
            shown.Select(e => new[] { $"{e["sequence"]}", Timestamps.Utc(e["unixMs"]), $"{e["actor"]}", $"{e["action"]}", $"{e["target"]}", $"{e["result"]}" }));
        var omitted = entries.Count - shown.Count;
        var verdict = Verified(report)
            ? $"chain verified: {entries.Count} entries"
            : $"chain BROKEN at sequence {report["brokenAt"]} ({entries.Count} entries)";
        await output.WriteLineAsync(omitted > 0 ? $"{verdict}; {omitted} older not shown (--last 0 shows all)" : verdict);
    }
}
