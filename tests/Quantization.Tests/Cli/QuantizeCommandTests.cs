using System.CommandLine;
using EdgeCloud.Cli;
using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.Shared.Models;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.Cli;

/// <summary><c>edgecloud models quantize</c> end to end on repository folders: exit codes, files, config.json.</summary>
public sealed class QuantizeCommandTests : IDisposable
{
    private readonly TempDirectory _repository = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Quantize_MiniLmInt8DynamicWithGate_PublishesAndAddsTheVariant()
    {
        TestModels.CopyModel("minilm", _repository.Path);

        var code = Run("--model", ModelPath("minilm"), "--mode", "int8-dynamic", "--out", VariantPath("minilm", "model.int8.onnx"), "--gate", "minilm-cosine:0.99");

        Assert.Equal(0, code);
        Assert.Contains("gate minilm-cosine >= 0.99: passed", _out.ToString(), StringComparison.Ordinal);
        var variant = ModelConfigReader.Read(Path.Combine(_repository.Path, "minilm", "config.json"), "minilm").Variants.Single(v => v.Id == "int8");
        Assert.Equal(("model.int8.onnx", "int8", "cpu"), (variant.File, variant.Precision, string.Join(",", variant.PreferOn)));
        Assert.True(File.Exists(VariantPath("minilm", "model.int8.onnx")));
    }

    [Fact]
    public void Quantize_ResNetInt8StaticWithCalibrationFolder_PublishesWithOutputCosineGate()
    {
        TestModels.CopyModel("resnet18", _repository.Path);
        TestDataSets.Write(_repository.File("calibration"), ImageSamples.ResNet(1, 8));
        TestDataSets.Write(_repository.File("eval"), ImageSamples.ResNet(500, 4));

        var code = Run(
            "--model", ModelPath("resnet18"), "--mode", "int8-static", "--out", VariantPath("resnet18", "model.int8.onnx"),
            "--calibration", _repository.File("calibration"), "--eval", _repository.File("eval"), "--gate", "output-cosine:0.99");

        Assert.True(code == 0, _out.ToString() + _error);
        Assert.Contains("22 Conv", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("int8", ModelConfigReader.Read(Path.Combine(_repository.Path, "resnet18", "config.json"), "resnet18").Variants.Select(v => v.Id));
    }

    [Fact]
    public void Quantize_GateMissed_ExitsThreeAndWritesNoFileNorConfigEntry()
    {
        var evaluation = WriteTinyRepository();
        var config = File.ReadAllText(Path.Combine(_repository.Path, "tiny", "config.json"));

        var code = Run("--model", ModelPath("tiny"), "--mode", "int8-dynamic", "--out", VariantPath("tiny", "model.int8.onnx"), "--eval", evaluation, "--gate", "max-abs:0");

        Assert.Equal(ExitCodes.GateRejected, code);
        Assert.Contains("rejected", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["model.onnx"], Directory.GetFiles(Path.Combine(_repository.Path, "tiny", "1")).Select(Path.GetFileName));
        Assert.Equal(config, File.ReadAllText(Path.Combine(_repository.Path, "tiny", "config.json")));
    }

    [Fact]
    public void Quantize_Fp16_AddsAGpuPreferredVariant()
    {
        WriteTinyRepository();

        var code = Run("--model", ModelPath("tiny"), "--mode", "fp16", "--out", VariantPath("tiny", "model.fp16.onnx"));

        Assert.Equal(0, code);
        var variant = ModelConfigReader.Read(Path.Combine(_repository.Path, "tiny", "config.json"), "tiny").Variants.Single(v => v.Id == "fp16");
        Assert.Equal(["cuda", "dml"], variant.PreferOn);
        Assert.Equal("fp16", variant.Precision);
    }

    [Fact]
    public void Quantize_Int8StaticWithoutCalibration_ExitsOneAskingForIt()
    {
        WriteTinyRepository();

        var code = Run("--model", ModelPath("tiny"), "--mode", "int8-static", "--out", VariantPath("tiny", "model.int8.onnx"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("--calibration", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(VariantPath("tiny", "model.int8.onnx")));
    }

    [Fact]
    public void Quantize_UnknownMode_IsAUsageError()
    {
        var code = Run("--model", "m.onnx", "--mode", "int4", "--out", "x.onnx");

        Assert.NotEqual(0, code);
        Assert.Contains("int4", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _repository.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    private int Run(params string[] args) =>
        CliApp.Create().Parse(["models", "quantize", .. args]).Invoke(new InvocationConfiguration { Output = _out, Error = _error });

    private string ModelPath(string model) => Path.Combine(_repository.Path, model, "1", "model.onnx");

    private string VariantPath(string model, string file) => Path.Combine(_repository.Path, model, "1", file);

    /// <summary>A one-MatMul model in {repo}/tiny/1/ with a config.json, and an evaluation folder for it.</summary>
    private string WriteTinyRepository()
    {
        OnnxModelFile.Write(TinyModels.MatMul(256, 128), ModelPath("tiny"));
        File.WriteAllText(Path.Combine(_repository.Path, "tiny", "config.json"), """{ "name": "tiny", "placement": "edge" }""");
        var evaluation = _repository.File("tiny-eval");
        TestDataSets.Write(evaluation, [.. Enumerable.Range(0, 4).Select(i =>
            (IReadOnlyDictionary<string, SampleTensor>)new Dictionary<string, SampleTensor> { ["x"] = SampleTensor.FromFloats(TinyModels.Random(256, i), 1, 256) })]);
        return evaluation;
    }
}
