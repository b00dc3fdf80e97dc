using System.Globalization;
using System.Text;

namespace EdgeCloud.Bench.Batching;

/// <summary>
/// <c>batching</c>: closed-loop gRPC load at each concurrency against three hub child processes serving
/// the same model — batching off, on with one instance, on with two — measured in turn per concurrency
/// (so load drift on a shared machine hits all three alike): throughput, p50/p99 and the mean batch size.
/// </summary>
internal static class BatchingCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (BatchingBenchOptions.Parse(args) is not { } options)
        {
            Console.Error.WriteLine(BatchingBenchOptions.Help);
            return 2;
        }

        var requests = BatchingWorkload.Create(options.Model);
        var repositories = HubConfig.All.ToDictionary(c => c, c => new BenchRepository(options.Model, c.Instances));
        var hubs = new Dictionary<HubConfig, HubChild>();
        try
        {
            foreach (var config in HubConfig.All)
            {
                hubs[config] = await HubChild.StartAsync(options.HubDll, repositories[config].Root, options.Model, config.Batching, options.IntraOpThreads);
            }

            var load = LoadAverage();
            var results = new Dictionary<(HubConfig, int), CellResult>();
            foreach (var concurrency in options.Concurrency)
            {
                foreach (var config in HubConfig.All)
                {
                    var before = await hubs[config].BatchSizeAsync(options.Model);
                    var cell = await ClosedLoop.RunAsync(hubs[config].Client, requests, concurrency, options.Warmup, options.Measure);
                    var after = await hubs[config].BatchSizeAsync(options.Model);
                    var batches = after.Count - before.Count;
                    results[(config, concurrency)] = cell with { MeanBatch = batches > 0 ? (after.Sum - before.Sum) / batches : 1 };
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {config.Name,-12} c={concurrency,-3} {cell.PerSecond,8:0.0} req/s  p50 {cell.P50,8:0.0} ms  p99 {cell.P99,8:0.0} ms  errors {cell.Errors}"));
                }
            }

            Console.WriteLine(Report(options, repositories[HubConfig.All[1]].Config, hubs[HubConfig.All[1]].CommandLine, load, LoadAverage(), results));
            return 0;
        }
        finally
        {
            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }

            foreach (var repository in repositories.Values)
            {
                repository.Dispose();
            }
        }
    }

    private static string Report(
        BatchingBenchOptions options, string modelConfig, string commandLine, string loadBefore, string loadAfter, Dictionary<(HubConfig, int), CellResult> results)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"- workload: {BatchingWorkload.Describe(options.Model)}; 32 distinct requests cycled");
        report.AppendLine(CultureInfo.InvariantCulture, $"- per cell: {options.Warmup.TotalSeconds:0} s warm-up, {options.Measure.TotalSeconds:0} s measured; closed loop over one gRPC channel");
        report.AppendLine(CultureInfo.InvariantCulture, $"- model config (instance_count varied per column): `{modelConfig}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- hub (\"on\" column): `{commandLine}`; \"off\" adds `--Hub:Batching:Enabled=False`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} vCPU, load average before {loadBefore}, after {loadAfter}");
        report.AppendLine();
        report.Append("| concurrency |");
        foreach (var config in HubConfig.All)
        {
            report.Append(CultureInfo.InvariantCulture, $" {config.Name} req/s |");
        }

        foreach (var config in HubConfig.All)
        {
            report.Append(CultureInfo.InvariantCulture, $" {config.Name} p50 / p99 ms |");
        }

        report.AppendLine(" mean batch (on / on, 2 inst.) |");
        report.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", (HubConfig.All.Count * 2) + 1)));
        foreach (var concurrency in options.Concurrency)
        {
            report.Append(CultureInfo.InvariantCulture, $"| {concurrency} |");
            foreach (var config in HubConfig.All)
            {
                report.Append(CultureInfo.InvariantCulture, $" {results[(config, concurrency)].PerSecond:0.0} |");
            }

            foreach (var config in HubConfig.All)
            {
                var cell = results[(config, concurrency)];
                report.Append(CultureInfo.InvariantCulture, $" {cell.P50:0.0} / {cell.P99:0.0} |");
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $" {results[(HubConfig.All[1], concurrency)].MeanBatch:0.0} / {results[(HubConfig.All[2], concurrency)].MeanBatch:0.0} |");
        }

        return report.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
