using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Workloads;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>The issue's targets for silero-vad at concurrency 1, and whether a run met them.</summary>
internal static class OverheadTargets
{
    public const double GrpcP50Micros = 200;
    public const double GrpcP99Micros = 300;
    public const double RestP50Micros = 400;

    public static IEnumerable<string> Evaluate(ModelRun run)
    {
        if (run.Workload.Model != BenchWorkloads.SileroVad)
        {
            yield break;
        }

        var baseline = run.Baseline.Latency;
        if (run.Find(PathRole.HubGrpc) is { } grpc)
        {
            yield return Verdict("gRPC adds", "p50", grpc.Latency.P50 - baseline.P50, GrpcP50Micros);
            yield return Verdict("gRPC adds", "p99", grpc.Latency.P99 - baseline.P99, GrpcP99Micros);
            if (run.Find(PathRole.BareGrpc) is { } bare)
            {
                yield return FormattableString.Invariant(
                    $"the bare gRPC handler (same model, own process) adds {bare.Latency.P50 - baseline.P50:0} µs at p50 and {bare.Latency.P99 - baseline.P99:0} µs at p99; the hub over it: {grpc.Latency.P50 - bare.Latency.P50:+0;−0;0} µs at p50, {grpc.Latency.P99 - bare.Latency.P99:+0;−0;0} µs at p99");
            }
        }

        if (run.Find(PathRole.HubRest) is { } rest)
        {
            yield return Verdict("REST adds", "p50", rest.Latency.P50 - baseline.P50, RestP50Micros);
        }
    }

    private static string Verdict(string what, string percentile, double added, double target) =>
        $"{what} ≤ {target:0} µs at {percentile}: **{(added <= target ? "met" : "not met")}** ({added:0} µs)";
}
