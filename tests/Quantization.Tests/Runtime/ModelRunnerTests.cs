using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;

namespace EdgeCloud.Quantization.Tests.Runtime;

public sealed class ModelRunnerTests
{
    [Fact]
    public void Run_WrongInputShape_ThrowsNamingTheModel()
    {
        using var directory = new TempDirectory();
        var path = directory.File("tiny.onnx");
        OnnxModelFile.Write(TinyModels.MatMul(16, 8), path);
        using var runner = new ModelRunner(path);

        var error = Assert.Throws<QuantizationException>(() =>
            runner.Run(new Dictionary<string, SampleTensor> { ["x"] = SampleTensor.FromFloats(new float[3], 1, 3) }));

        Assert.Contains($"could not run {path}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotAModel_ThrowsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File("broken.onnx");
        File.WriteAllText(path, "not a model");

        var error = Assert.Throws<QuantizationException>(() => new ModelRunner(path));

        Assert.Contains($"could not load {path}", error.Message, StringComparison.Ordinal);
    }
}
