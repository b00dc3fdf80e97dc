using System.Text.Json.Nodes;
using EdgeCloud.Cli.Fleet;

namespace EdgeCloud.Cli.Security;

/// <summary>The audit report as a table of its newest entries and one line on the chain.</summary>
internal static class AuditReportText
{
    public static async Task WriteAsync(TextWriter output, JsonObject report, int last)
    {
        var entries = (report["entries"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shown = last == 0 ? entries : entries.TakeLast(last).ToList();
        await Table.WriteAsync(
            output,
            ["SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "RESULT"],
            shown.Select(e => new[] { $"{e["sequence"]}", Timestamps.Utc(e["unixMs"]), $"{e["actor"]}", $"{e["action"]}", $"{e["target"]}", $"{e["result"]}" }));
        var omitted = entries.Count - shown.Count;
        var verdict = report["verified"]?.GetValue<bool>() == true
            ? $"chain verified: {entries.Count} entries"
            : $"chain BROKEN at sequence {report["brokenAt"]} ({entries.Count} entries)";
        await output.WriteLineAsync(omitted > 0 ? $"{verdict}; {omitted} older not shown (--last 0 shows all)" : verdict);
    }
}
