namespace EdgeCloud.Bench.BalancerSim;

/// <summary>One policy's latencies over a scenario (milliseconds, nearest-rank percentiles) and where its requests went.</summary>
internal sealed record SimResult(string Policy, double P50, double P99, double P999, double Mean, IReadOnlyDictionary<string, double> ShareByKind, int MaxQueue)
{
    public static SimResult From(string policy, long[] latencies, IReadOnlyList<SimBackend> backends)
    {
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var total = backends.Sum(b => b.Picked);
        var share = backends.GroupBy(b => b.Spec.Kind).ToDictionary(g => g.Key, g => g.Sum(b => b.Picked) / (double)total);
        return new SimResult(
            policy,
            Ms(Percentile(sorted, 50)),
            Ms(Percentile(sorted, 99)),
            Ms(Percentile(sorted, 99.9)),
            SimulatedTime.ToMilliseconds((long)sorted.Average()),
            share,
            backends.Max(b => b.MaxQueue));
    }

    private static long Percentile(long[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(long ticks) => SimulatedTime.ToMilliseconds(ticks);
}
