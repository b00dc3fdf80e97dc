using EdgeCloud.Quantization.Gate;

namespace EdgeCloud.Quantization.Tests.Gate;

public sealed class GateSpecTests
{
    [Theory]
    [InlineData("minilm-cosine:0.99", GateMetric.MiniLmCosine, 0.99)]
    [InlineData("output-cosine:0.995", GateMetric.OutputCosine, 0.995)]
    [InlineData("top1:0.9", GateMetric.Top1, 0.9)]
    [InlineData("max-abs:0.05", GateMetric.MaxAbs, 0.05)]
    public void Parse_KnownMetric_ReadsMetricAndThreshold(string text, GateMetric metric, double threshold)
    {
        var spec = GateSpec.Parse(text);

        Assert.Equal(metric, spec.Metric);
        Assert.Equal(threshold, spec.Threshold);
    }

    [Theory]
    [InlineData("cosine:0.99")]
    [InlineData("minilm-cosine")]
    [InlineData("minilm-cosine:high")]
    [InlineData("minilm-cosine:NaN")]
    public void Parse_Malformed_ThrowsListingTheMetrics(string text)
    {
        var error = Assert.Throws<QuantizationException>(() => GateSpec.Parse(text));

        Assert.Contains("minilm-cosine, output-cosine, top1, max-abs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_CosineIsAFloorAndMaxAbsACeiling()
    {
        var stats = new ComparisonStats(10, MeanCosine: 0.995, MinCosine: 0.99, MaxAbsDiff: 0.2, Top1Agreement: 0.9);

        Assert.True(GateSpec.Parse("minilm-cosine:0.99").Passes(stats));
        Assert.False(GateSpec.Parse("output-cosine:0.999").Passes(stats));
        Assert.True(GateSpec.Parse("max-abs:0.25").Passes(stats));
        Assert.False(GateSpec.Parse("max-abs:0.1").Passes(stats));
        Assert.False(GateSpec.Parse("top1:0.95").Passes(stats));
    }

    [Fact]
    public void EvaluationSentences_AreAtLeastFiftyAndDistinct()
    {
        Assert.True(EvaluationSentences.All.Count >= 50);
        Assert.Equal(EvaluationSentences.All.Count, EvaluationSentences.All.Distinct(StringComparer.Ordinal).Count());
    }
}
