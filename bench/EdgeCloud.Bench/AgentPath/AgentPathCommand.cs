using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Paths;
using EdgeCloud.Bench.Reporting;
using EdgeCloud.Bench.Workloads;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Bench.AgentPath;

/// <summary>
/// The agent's local path against in-process ONNX Runtime (same process, same model file, 1 intra-op
/// thread): latency at concurrency 1, throughput at concurrency 8, a cache hit, and the latency
/// distribution while the link to the hub is blackholed, with hedging (Agent:Cloud:HedgeAfter) off and on.
/// </summary>
internal static class AgentPathCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = AgentPathOptions.Parse(args);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        var report = new StringBuilder();
        report.AppendLine($"Machine: {MachineInfo.Read().Describe()}; load average at start {LoadAverage.Read()}.");
        report.AppendLine("ONNX Runtime: IntraOpNumThreads=1, InterOpNumThreads=1, sequential, in the agent and in the baseline. The agent runs in the bench process (Kestrel on loopback), so both share one machine and one GC.");
        report.AppendLine();

        var seed = Directory.CreateTempSubdirectory("agent-bench-seed-").FullName;
        var data = Directory.CreateTempSubdirectory("agent-bench-data-").FullName;
        try
        {
            TestModels.CopyModel(BenchWorkloads.SileroVad, seed);
            TestModels.CopyModel(BenchWorkloads.MiniLm, seed);
            await using (var agent = await InProcessAgent.StartAsync(data, seed, ""))
            {
                await LocalPathAsync(agent, options, report, ct);
            }

            await BlackholeAsync(options, report, ct);
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
            Directory.Delete(data, recursive: true);
        }

        Console.WriteLine(report);
        if (options.OutFile is not null)
        {
            await File.WriteAllTextAsync(options.OutFile, report.ToString(), ct);
        }

        return 0;
    }

    private static async Task LocalPathAsync(InProcessAgent agent, AgentPathOptions options, StringBuilder report, CancellationToken ct)
    {
        report.AppendLine("| model | path | p50 µs | p90 µs | p99 µs | added p50 µs | added p99 µs | c=8 req/s | c=8 p99 µs |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var model in BenchWorkloads.Names)
        {
            var workload = BenchWorkloads.For(model);
            using var baseline = new OrtBaselinePath(workload, TestModels.ModelFile(model), 1, 1);
            var uncached = InferRequests.Raw(workload);
            uncached.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
            var local = new AgentInferPath("agent gRPC, local (cache off)", agent.Client, uncached);
            var cached = new AgentInferPath("agent gRPC, cache hit", agent.Client, InferRequests.Raw(workload));
            ILatencyPath[] paths = [baseline, local, cached];

            var runner = new InterleavedRunner(Console.Error);
            await runner.WarmUpAsync(paths, options.WarmUp, ct);
            var iterations = model == BenchWorkloads.MiniLm ? Math.Max(100, options.Iterations / 5) : options.Iterations;
            var results = await runner.MeasureAsync(paths, iterations, ct);
            var base50 = results[0].Latency.P50;
            var base99 = results[0].Latency.P99;
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i].Latency;
                var (rate, c8) = i == 2 ? (double.NaN, null) : await Throughput.MeasureAsync(paths[i], 8, options.ThroughputDuration, ct);
                var added = i == 0 ? "—" : $"{r.P50 - base50:+0;-0}";
                var added99 = i == 0 ? "—" : $"{r.P99 - base99:+0;-0}";
                report.AppendLine($"| {model} | {results[i].Name} | {r.P50:0} | {r.P90:0} | {r.P99:0} | {added} | {added99} | {(double.IsNaN(rate) ? "—" : rate.ToString("0"))} | {(c8 is null ? "—" : c8.P99.ToString("0"))} |");
            }
        }

        report.AppendLine();
    }

    private const int WarmCloudCalls = 30;

    private static async Task BlackholeAsync(AgentPathOptions options, StringBuilder report, CancellationToken ct)
    {
        var attemptTimeout = TimeSpan.FromMilliseconds(500);
        await using var hub = await InProcessHub.StartAsync(TestModels.Repository, ["ocr-cls"]);
        report.AppendLine($"Link blackholed (fault proxy) during {options.BlackholeRequests} ocr-cls requests at concurrency 8, after {WarmCloudCalls} healthy cloud calls; the agent prefers the cloud, attempt timeout {attemptTimeout.TotalMilliseconds:0} ms, circuit opens after 5 calls at ≥ 30% failures; load average before each run in the last column:");
        report.AppendLine();
        report.AppendLine("| hedging (Agent:Cloud:HedgeAfter) | p50 µs | p90 µs | p99 µs | max µs | failures | served by | hedged | local p99 µs (link up, route=local) | bound: timeout + 2×local p99 µs | load |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (hedgeAfter, quantile) in new[] { (TimeSpan.Zero, 0.0), (options.HedgeAfter, 0.0), (options.HedgeAfter, 0.95) })
        {
            var row = await BlackholeRunAsync(hub, attemptTimeout, hedgeAfter, quantile, options.BlackholeRequests, ct);
            report.AppendLine(row);
        }

        report.AppendLine();
    }

    private static async Task<string> BlackholeRunAsync(InProcessHub hub, TimeSpan attemptTimeout, TimeSpan hedgeAfter, double hedgeQuantile, int requests, CancellationToken ct)
    {
        var seed = Directory.CreateTempSubdirectory("agent-bench-seed-").FullName;
        var data = Directory.CreateTempSubdirectory("agent-bench-data-").FullName;
        TestModels.CopyModel("ocr-cls", seed);
        try
        {
            await using var proxy = new FaultProxy("127.0.0.1", hub.GrpcPort);
            await using var agent = await InProcessAgent.StartAsync(data, seed, proxy.Endpoint, new Dictionary<string, string?>
            {
                ["Agent:Routing:DefaultPreference"] = "Cloud",
                ["Agent:Cloud:AttemptTimeout"] = attemptTimeout.ToString(),
                ["Agent:Cloud:HedgeAfter"] = hedgeAfter.ToString(),
                ["Agent:Cloud:HedgeQuantile"] = hedgeQuantile.ToString(CultureInfo.InvariantCulture),
                ["Agent:Cloud:MinimumThroughput"] = "5",
            });

            var localP99 = await LocalP99Async(agent, ct);
            for (var i = 1; i <= WarmCloudCalls; i++)
            {
                // The link is warm when it goes dark, and a quantile hedge has the round trips it needs.
                await agent.Client.ModelInferAsync(OcrRequest(-i, route: "cloud"), cancellationToken: ct);
            }

            var load = LoadAverage.Read();
            proxy.Blackhole();
            var ticks = new ConcurrentBag<long>();
            var failures = 0;
            var hedged = 0;
            var servedBy = new ConcurrentDictionary<string, int>();
            await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    var response = await agent.Client.ModelInferAsync(OcrRequest(i, route: null), cancellationToken: token);
                    servedBy.AddOrUpdate(response.Parameters[EdgeCloudParameters.ServedBy].StringParam, 1, (_, n) => n + 1);
                    if (response.Parameters.TryGetValue(EdgeCloudParameters.Hedged, out var h) && h.BoolParam)
                    {
                        Interlocked.Increment(ref hedged);
                    }
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failures);
                }

                ticks.Add(Stopwatch.GetTimestamp() - t);
            });

            var s = LatencySummary.From([.. ticks]);
            var bound = (attemptTimeout.TotalMilliseconds * 1000) + (2 * localP99);
            var hedging = hedgeAfter <= TimeSpan.Zero ? "off (00:00:00)"
                : hedgeQuantile > 0 ? $"on, p{hedgeQuantile * 100:0} of cloud round trips (HedgeQuantile {hedgeQuantile}), 20–{hedgeAfter.TotalMilliseconds:0} ms"
                : $"on, {hedgeAfter.TotalMilliseconds:0} ms";
            return $"| {hedging} | {s.P50:0} | {s.P90:0} | {s.P99:0} | {s.Max:0} | {failures} | {string.Join(", ", servedBy.Select(kv => $"{kv.Key} {kv.Value}"))} | {hedged} | {localP99:0} | {bound:0} ({(s.P99 <= bound ? "met" : "missed")}) | {load} |";
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<double> LocalP99Async(InProcessAgent agent, CancellationToken ct)
    {
        var recorder = new LatencyRecorder(500);
        for (var i = 0; i < 500; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await agent.Client.ModelInferAsync(OcrRequest(10_000 + i, route: "local"), cancellationToken: ct);
            recorder.Record(Stopwatch.GetTimestamp() - t);
        }

        return recorder.Summarize().P99;
    }

    private static ModelInferRequest OcrRequest(int seed, string? route)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 48 * 192];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        var request = InferRequests.Raw(new ModelWorkload("ocr-cls", [BenchTensor.Fp32("x", [1, 3, 48, 192], pixels)], 1));
        request.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
        if (route is not null)
        {
            request.Parameters[EdgeCloudParameters.Route] = new InferParameter { StringParam = route };
        }

        return request;
    }
}
