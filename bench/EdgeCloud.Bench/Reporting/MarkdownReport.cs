using System.Globalization;
using System.Text;
using EdgeCloud.Bench.HubOverhead;
using EdgeCloud.Bench.Measurement;

namespace EdgeCloud.Bench.Reporting;

/// <summary>Writes a hub-overhead run as Markdown: setup, then per model a latency table, a CPU table, checks and targets.</summary>
internal static class MarkdownReport
{
    public static string Write(HubOverheadRun run)
    {
        var md = new StringBuilder();
        md.AppendLine("## Hub overhead: CloudHub vs in-process ONNX Runtime, concurrency 1").AppendLine();
        md.AppendLine(Inv($"- Started: {run.Started:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine($"- Machine: {run.Machine.Describe()}");
        md.AppendLine(Inv($"- ONNX Runtime threads: intra-op {run.IntraOpThreads}, inter-op {run.InterOpThreads}, sequential execution, all graph optimizations, in the bench's baseline session and in the hub's"));
        md.AppendLine($"- Hub: its own process, Release build, {run.HubGc}: `{run.HubCommand}`");
        md.AppendLine(
            "- Latency: each path is warmed up on its own, then all paths are measured interleaved in blocks (each round runs a block of calls " +
            $"on every path, starting at a rotating path; the first {InterleavedRunner.SettleCalls} calls of a block are not recorded), one request at a time; " +
            "client-observed, response fully received. +p50/+p99 = path percentile − baseline percentile; ×p50 = path p50 / baseline p50. " +
            "Transport floors run no model and are not compared.");
        md.AppendLine(
            "- CPU: afterwards each path runs alone for a few seconds; CPU time of the bench (client) and of the hub process " +
            "(all threads, GC included) divided by the calls. It moves far less than latency when other work shares the cores. " +
            "Hub queue/compute: the hub's own `edgecloud_hub_queue_duration_seconds` / `edgecloud_hub_compute_duration_seconds` (from /metrics) over the same calls.");
        foreach (var model in run.Models)
        {
            md.AppendLine();
            WriteModel(md, model);
        }

        return md.ToString();
    }

    private static void WriteModel(StringBuilder md, ModelRun run)
    {
        md.AppendLine($"### {run.Workload.Model}: {run.Workload.Describe()}").AppendLine();
        md.AppendLine(Inv($"Warm-up {run.WarmupPerPath.TotalSeconds:0.#} s per path; {run.Iterations} measured calls per path in blocks of {run.BlockSize}; load average (1/5/15 min) {run.LoadBefore} when measuring began, {run.LoadAfter} when it ended.")).AppendLine();
        md.AppendLine("| path | n | p50 µs | p90 µs | p99 µs | mean µs | +p50 µs | +p99 µs | ×p50 |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseline = run.Baseline.Latency;
        foreach (var result in run.Results)
        {
            var l = result.Latency;
            var compared = result.Role is not (PathRole.Baseline or PathRole.TransportFloor);
            var addedP50 = compared ? Signed(l.P50 - baseline.P50) : "—";
            var addedP99 = compared ? Signed(l.P99 - baseline.P99) : "—";
            var ratio = compared ? Inv($"{l.P50 / baseline.P50:0.00}") : "—";
            md.AppendLine(Inv($"| {result.Name} | {l.Count} | {l.P50:0} | {l.P90:0} | {l.P99:0} | {l.Mean:0} | {addedP50} | {addedP99} | {ratio} |"));
        }

        md.AppendLine();
        md.AppendLine(Inv($"Every model path returned the same first output as the baseline (sum of its elements {run.BaselineChecksum:G6})."));
        var verdicts = OverheadTargets.Evaluate(run).ToList();
        if (verdicts.Count > 0)
        {
            md.AppendLine().AppendLine("Targets from the issue: " + string.Join("; ", verdicts) + ".");
        }

        if (run.Cpu.Count > 0)
        {
            WriteCpu(md, run.Cpu);
        }
    }

    private static void WriteCpu(StringBuilder md, IReadOnlyList<CpuCost> cpu)
    {
        var baseline = cpu.Single(c => c.Role == PathRole.Baseline).TotalMicros;
        md.AppendLine();
        md.AppendLine("| path (run alone) | calls | wall µs/call | client CPU µs/call | server CPU µs/call | total CPU µs/call | +CPU µs vs baseline | hub queue µs/call | hub compute µs/run | hub alloc B/call | hub GCs | hub GC pause µs/call |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in cpu)
        {
            var added = c.Role is PathRole.Baseline or PathRole.TransportFloor ? "—" : Signed(c.TotalMicros - baseline);
            md.AppendLine(Inv($"| {c.Name} | {c.Calls} | {c.WallMicros:0} | {c.ClientMicros:0} | {c.HubMicros:0} | {c.TotalMicros:0} | {added} | {Optional(c.HubQueueMicros)} | {Optional(c.HubComputeMicros)} | {Optional(c.HubAllocatedBytes)} | {c.HubGcCollections?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {Optional(c.HubGcPauseMicros)} |"));
        }
    }

    private static string Optional(double? micros) => micros is { } value ? Inv($"{value:0}") : "—";

    private static string Signed(double value) => value.ToString("+0;−0;0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
