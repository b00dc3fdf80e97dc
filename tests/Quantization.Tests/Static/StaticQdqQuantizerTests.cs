using EdgeCloud.Quantization.Static;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.Static;

public sealed class StaticQdqQuantizerTests
{
    [Fact]
    public void Quantize_Opset9ModelWithClip_ThrowsNamingTheNodeAndOperator()
    {
        var error = Assert.Throws<QuantizationException>(() => StaticQdqQuantizer.Quantize(TestModels.ModelFile("ocr-rec"), ImageSamples.ResNet(1, 1)));

        Assert.Contains("(Clip)", error.Message, StringComparison.Ordinal);
        Assert.Contains("node '", error.Message, StringComparison.Ordinal);
        Assert.Contains("opset 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_NoCalibrationSamples_ThrowsAskingForThem()
    {
        var error = Assert.Throws<QuantizationException>(() => StaticQdqQuantizer.Quantize(TestModels.ModelFile("resnet18"), []));

        Assert.Contains("calibration samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_Percentile_CutsTheOutliersAtBothEnds()
    {
        var histogram = new Histogram(-100, 100, 2000);
        var values = Enumerable.Range(0, 100_000).Select(i => (float)((i % 200) - 100) / 10).ToList();
        values.AddRange([-100f, 100f]);
        histogram.Add([.. values]);

        var (min, max) = histogram.Range(99.9);

        Assert.InRange(min, -10.5f, -9.5f);
        Assert.InRange(max, 9.5f, 10.5f);
    }
}
