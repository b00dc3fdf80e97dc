using EdgeCloud.Quantization.Dynamic;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Static;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.TestSupport;

/// <summary>
/// The real variants the tests look at, each made once per test run into a temporary folder:
/// MiniLM int8 (dynamic) and ResNet18 int8 (static QDQ, calibrated on 16 synthetic images).
/// </summary>
public sealed class QuantizedModelsFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Lazy<(string Path, ConversionReport Report)> _miniLm;
    private readonly Lazy<(string Path, ConversionReport Report)> _resNet;

    public QuantizedModelsFixture()
    {
        _miniLm = new(() =>
        {
            var result = DynamicInt8Quantizer.Quantize(OnnxModelFile.Read(TestModels.ModelFile("minilm")));
            var path = _directory.File("minilm.int8.onnx");
            OnnxModelFile.Write(result.Model, path);
            return (path, result.Report);
        });
        _resNet = new(() =>
        {
            var result = StaticQdqQuantizer.Quantize(TestModels.ModelFile("resnet18"), ImageSamples.ResNet(1, 16));
            var path = _directory.File("resnet18.int8.onnx");
            OnnxModelFile.Write(result.Model, path);
            return (path, result.Report);
        });
    }

    public string MiniLmInt8 => _miniLm.Value.Path;

    public ConversionReport MiniLmReport => _miniLm.Value.Report;

    public string ResNetInt8 => _resNet.Value.Path;

    public ConversionReport ResNetReport => _resNet.Value.Report;

    public void Dispose() => _directory.Dispose();
}
