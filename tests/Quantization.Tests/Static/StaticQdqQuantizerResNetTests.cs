using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Static;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.Static;

/// <summary>ResNet18 int8 static (QDQ) against the real fp32 model, on held-out samples (not the calibration ones).</summary>
public sealed class StaticQdqQuantizerResNetTests(QuantizedModelsFixture models)
{
    [Fact]
    public void Quantize_ResNet18_OutputCosineOnHeldOutSamplesIsAtLeast099()
    {
        var stats = VariantComparison.Compare(TestModels.ModelFile("resnet18"), models.ResNetInt8, ImageSamples.ResNet(1000, 12), ComparisonKind.Outputs);

        Assert.True(stats.MeanCosine >= 0.99, stats.ToString());
        Assert.True(stats.MinCosine >= 0.98, stats.ToString());
    }

    [Fact]
    public void Quantize_ResNet18_OnnxRuntimeFusesEveryConvIntoQLinearConv()
    {
        var ops = OptimizedGraph.OperatorCounts(models.ResNetInt8);

        Assert.Equal(22, models.ResNetReport.Converted["Conv"]);
        Assert.Equal(22, ops.GetValueOrDefault("QLinearConv"));
        Assert.False(ops.ContainsKey("Conv"), $"fp32 Conv left: {string.Join(", ", ops)}");
    }

    [Fact]
    public void Quantize_ResNet18_FoldsBatchNormAndRaisesOpsetTo13WithPerChannelWeights()
    {
        var model = OnnxModelFile.Read(models.ResNetInt8);

        Assert.Equal(13, Opsets.Default(model));
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "BatchNormalization");
        var weightScales = model.Graph.Node.Where(n => n.OpType == "DequantizeLinear" && Attributes.Find(n, "axis") is not null)
            .Select(n => model.Graph.Initializer.Single(t => t.Name == n.Input[1]));
        Assert.Contains(weightScales, s => s.Dims.SequenceEqual([64L]));
        Assert.True(new FileInfo(models.ResNetInt8).Length < new FileInfo(TestModels.ModelFile("resnet18")).Length * 0.3);
    }

    [Fact]
    public void Quantize_PercentileCalibration_AlsoKeepsCosineAtLeast099()
    {
        using var directory = new TempDirectory();
        var options = new StaticInt8Options { Method = CalibrationMethod.Percentile, Percentile = 99.99 };
        var result = StaticQdqQuantizer.Quantize(TestModels.ModelFile("resnet18"), ImageSamples.ResNet(1, 8), options);
        OnnxModelFile.Write(result.Model, directory.File("p.onnx"));

        var stats = VariantComparison.Compare(TestModels.ModelFile("resnet18"), directory.File("p.onnx"), ImageSamples.ResNet(1000, 6), ComparisonKind.Outputs);

        Assert.True(stats.MeanCosine >= 0.99, stats.ToString());
    }
}
