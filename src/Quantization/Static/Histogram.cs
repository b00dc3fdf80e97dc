namespace EdgeCloud.Quantization.Static;

/// <summary>Counts of values in equal bins over a known [min, max], for percentile ranges.</summary>
internal sealed class Histogram(float min, float max, int bins)
{
    private readonly long[] _counts = new long[bins];
    private readonly float _width = max > min ? (max - min) / bins : 1f;

    public void Add(float[] values)
    {
        foreach (var v in values)
        {
            _counts[Math.Clamp((int)((v - min) / _width), 0, bins - 1)]++;
        }
    }

    /// <summary>The range holding <paramref name="percentile"/>% of the values at each end.</summary>
    public (float Min, float Max) Range(double percentile)
    {
        var total = _counts.Sum();
        var cut = (long)(total * (100 - percentile) / 100);
        int low = 0, high = bins - 1;
        for (long seen = 0; low < bins - 1 && seen + _counts[low] <= cut; low++)
        {
            seen += _counts[low];
        }

        for (long seen = 0; high > 0 && seen + _counts[high] <= cut; high--)
        {
            seen += _counts[high];
        }

        return (min + (low * _width), min + ((high + 1) * _width));
    }
}
