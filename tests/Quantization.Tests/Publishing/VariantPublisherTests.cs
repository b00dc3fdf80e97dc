using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Publishing;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;

namespace EdgeCloud.Quantization.Tests.Publishing;

public sealed class VariantPublisherTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Publish_GatePasses_WritesTheVariantAndNothingElse()
    {
        var request = Request(GateSpec.Parse("output-cosine:0.999"));

        var result = VariantPublisher.Publish(request);

        Assert.True(result.Published, result.Gate?.ToString());
        Assert.True(result.Gate!.Passed);
        Assert.Equal(["model.int8.onnx", "model.onnx"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var runner = new ModelRunner(request.OutputPath);
        Assert.Single(runner.OutputMetadata);
    }

    [Fact]
    public void Publish_VariantUnderItsThreshold_IsRejectedAndLeavesNoFile()
    {
        var result = VariantPublisher.Publish(Request(GateSpec.Parse("max-abs:0")));

        Assert.False(result.Published);
        Assert.False(result.Gate!.Passed);
        Assert.True(result.Gate.Stats.MaxAbsDiff > 0);
        Assert.Equal(["model.onnx"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Publish_ModelItCannotConvert_ThrowsAndLeavesNoFile()
    {
        OnnxModelFile.Write(TinyModels.AlreadyQuantized(), _directory.File("model.onnx"));

        var error = Assert.Throws<QuantizationException>(() => VariantPublisher.Publish(Request(null, writeModel: false)));

        Assert.Contains("DequantizeLinear", error.Message, StringComparison.Ordinal);
        Assert.Equal(["model.onnx"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Publish_GateWithoutSamples_ThrowsAndLeavesNoFile()
    {
        var request = Request(GateSpec.Parse("output-cosine:0.99")) with { Evaluation = [] };

        var error = Assert.Throws<QuantizationException>(() => VariantPublisher.Publish(request));

        Assert.Contains("evaluation set is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["model.onnx"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));
    }

    public void Dispose() => _directory.Dispose();

    private QuantizeRequest Request(GateSpec? gate, bool writeModel = true)
    {
        if (writeModel)
        {
            OnnxModelFile.Write(TinyModels.MatMul(256, 128), _directory.File("model.onnx"));
        }

        return new QuantizeRequest
        {
            ModelPath = _directory.File("model.onnx"),
            Mode = QuantizationMode.Int8Dynamic,
            OutputPath = _directory.File("model.int8.onnx"),
            Evaluation = [.. Enumerable.Range(0, 8).Select(i => (IReadOnlyDictionary<string, SampleTensor>)new Dictionary<string, SampleTensor>
            {
                ["x"] = SampleTensor.FromFloats(TinyModels.Random(256, 100 + i), 1, 256),
            })],
            Gate = gate,
        };
    }
}
