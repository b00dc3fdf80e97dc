namespace EdgeCloud.QuantBench;

/// <summary>Nearest-rank p50 and p99 of latencies in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P99, int Count)
{
    public static Percentiles Of(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return new(Rank(sorted, 50), Rank(sorted, 99), sorted.Length);
    }

    private static double Rank(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
