using System.Diagnostics;

namespace EdgeCloud.Bench.Measurement;

/// <summary>Percentiles (nearest rank) and mean of one path's samples, in microseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Mean, double Min, double Max)
{
    public static LatencySummary From(ReadOnlySpan<long> ticks)
    {
        if (ticks.IsEmpty)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        double sum = 0;
        foreach (var t in sorted)
        {
            sum += t;
        }

        return new LatencySummary(
            sorted.Length,
            Micros(Percentile(sorted, 50)),
            Micros(Percentile(sorted, 90)),
            Micros(Percentile(sorted, 99)),
            Micros(sum / sorted.Length),
            Micros(sorted[0]),
            Micros(sorted[^1]));
    }

    /// <summary>Nearest-rank percentile: the smallest sample with at least <paramref name="percent"/>% of samples at or below it.</summary>
    internal static long Percentile(long[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Micros(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
