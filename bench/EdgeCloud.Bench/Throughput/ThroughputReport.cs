using System.Globalization;
using System.Text;
using EdgeCloud.Bench.Batching;

namespace EdgeCloud.Bench.Throughput;

/// <summary>Collects the cells of a <c>throughput</c> run as they finish (echoing each to stderr) and renders the Markdown report.</summary>
internal sealed class ThroughputReport(ThroughputOptions options, ThroughputModel model, string provider, string loadBefore)
{
    private readonly List<(string Path, int Concurrency, CellResult Cell, double ItemsPerSecond)> _rows = [];
    private readonly List<string> _checks = [];

    public string HubConfig { get; set; } = "";

    public string HubCommand { get; set; } = "";

    public void Add(string path, int concurrency, CellResult cell, int itemsPerCall)
    {
        var items = cell.PerSecond * itemsPerCall;
        _rows.Add((path, concurrency, cell, items));
        Console.Error.WriteLine(Invariant($"  {path,-45} c={concurrency,-3} {items,9:0.0} items/s  p50 {cell.P50,8:0.00} ms  p99 {cell.P99,8:0.00} ms  errors {cell.Errors}"));
    }

    public void Check(string path, string served, double maxAbsDiff) =>
        _checks.Add(Invariant($"{path}: ran on `{served}`, first output within {maxAbsDiff:0.###e+0} (max abs) of in-process"));

    public string Render(string loadAfter)
    {
        var report = new StringBuilder();
        report.AppendLine(Invariant($"- model: `{options.ModelFile}` as `{options.Name}`, input `{model.InputName}` FP32{model.ShapeText} per request (batch axis {(model.DynamicBatch ? "dynamic" : "fixed")}), output `{model.OutputName}`; {ThroughputInputs.Count} distinct seeded random items cycled"));
        report.AppendLine(Invariant($"- execution provider `{provider}` in process and in the hub{(options.CudaPreferNhwc ? ", prefer_nhwc=1" : "")}; ONNX Runtime intra-op threads {options.IntraOpThreads}, inter-op 1, sequential, all graph optimizations"));
        report.AppendLine(Invariant($"- per cell: {options.Warmup.TotalSeconds:0} s warm-up, {options.Measure.TotalSeconds:0} s measured; closed loop (items/s: answers completed inside the measured window; p50/p99: requests sent and answered inside it); the hub in its own process over one gRPC channel (h2c, loopback), raw_input_contents; mean batch from the hub's batch-size histogram over warm-up and window"));
        report.AppendLine(Invariant($"- hub model config: `{HubConfig}`; \"batching off\" adds `--Hub:Batching:Enabled=False`"));
        report.AppendLine(Invariant($"- hub: `{HubCommand}`"));
        report.AppendLine(Invariant($"- machine: {Environment.ProcessorCount} vCPU, load average before {loadBefore}, after {loadAfter}"));
        foreach (var check in _checks)
        {
            report.AppendLine(Invariant($"- check: {check}"));
        }

        report.AppendLine();
        report.AppendLine("| path | concurrency | items/s | × in-process, same concurrency | p50 ms | p99 ms | mean batch | errors |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, concurrency, cell, items) in _rows)
        {
            var baseline = _rows.FirstOrDefault(r => r.Path == _rows[0].Path && r.Concurrency == concurrency).ItemsPerSecond;
            var ratio = baseline > 0 ? Invariant($"{items / baseline:0.00}") : "–";
            report.AppendLine(Invariant($"| {path} | {concurrency} | {items:0.0} | {ratio} | {cell.P50:0.00} | {cell.P99:0.00} | {(cell.MeanBatch > 0 ? cell.MeanBatch.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {cell.Errors} |"));
        }

        return report.ToString();
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
