using System.Globalization;

namespace EdgeCloud.Quantization.Gate;

/// <summary>An accuracy gate such as <c>minilm-cosine:0.99</c>: a metric and the threshold a variant must meet.</summary>
public sealed record GateSpec(GateMetric Metric, double Threshold)
{
    private static readonly Dictionary<string, GateMetric> Names = new(StringComparer.Ordinal)
    {
        ["minilm-cosine"] = GateMetric.MiniLmCosine,
        ["output-cosine"] = GateMetric.OutputCosine,
        ["top1"] = GateMetric.Top1,
        ["max-abs"] = GateMetric.MaxAbs,
    };

    public ComparisonKind Kind => Metric == GateMetric.MiniLmCosine ? ComparisonKind.PooledEmbedding : ComparisonKind.Outputs;

    public static GateSpec Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !Names.TryGetValue(parts[0], out var metric)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold))
        {
            throw new QuantizationException($"gate '{text}' is not METRIC:THRESHOLD with METRIC one of {string.Join(", ", Names.Keys)} (e.g. minilm-cosine:0.99)");
        }

        return new GateSpec(metric, threshold);
    }

    /// <summary>The measured value this gate looks at.</summary>
    public double ValueOf(ComparisonStats stats) => Metric switch
    {
        GateMetric.Top1 => stats.Top1Agreement,
        GateMetric.MaxAbs => stats.MaxAbsDiff,
        _ => stats.MeanCosine,
    };

    public bool Passes(ComparisonStats stats) => Metric == GateMetric.MaxAbs ? ValueOf(stats) <= Threshold : ValueOf(stats) >= Threshold;

    public override string ToString() =>
        $"{Names.First(p => p.Value == Metric).Key} {(Metric == GateMetric.MaxAbs ? "<=" : ">=")} {Threshold.ToString(CultureInfo.InvariantCulture)}";
}
