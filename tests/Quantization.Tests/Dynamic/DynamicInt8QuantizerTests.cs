using EdgeCloud.Quantization.Dynamic;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.Dynamic;

/// <summary>The dynamic rewrites one at a time on small models with known weights, and the refusals.</summary>
public sealed class DynamicInt8QuantizerTests
{
    [Fact]
    public void Quantize_MatMul_MatchesFp32WithinInt8Error()
    {
        var (fp32, int8) = Outputs(TinyModels.MatMul(64, 32), Input("x", 64));

        Assert.True(VectorMath.Cosine(fp32, int8) > 0.999, $"cosine {VectorMath.Cosine(fp32, int8)}");
        Assert.True(VectorMath.MaxAbsDiff(fp32, int8) < 0.1, $"max abs diff {VectorMath.MaxAbsDiff(fp32, int8)}");
    }

    [Fact]
    public void Quantize_GemmWithTransposedWeightAndBias_MatchesFp32()
    {
        var (fp32, int8) = Outputs(TinyModels.Gemm(64, 48), Input("x", 64));

        Assert.True(VectorMath.Cosine(fp32, int8) > 0.999, $"cosine {VectorMath.Cosine(fp32, int8)}");
    }

    [Fact]
    public void Quantize_Embedding_RowsComeBackWithinHalfAStepOfEachRowScale()
    {
        var model = TinyModels.Embedding(128, 64);
        var ids = new Dictionary<string, SampleTensor> { ["ids"] = SampleTensor.FromInt64([0, 5, 127, 5], 1, 4) };

        var (fp32, int8) = Outputs(model, ids);

        var table = TensorBytes.ReadFloats(model.Graph.Initializer[0]);
        var maxStep = table.Chunk(64).Max(row => row.Max(MathF.Abs)) / 127;
        Assert.True(VectorMath.MaxAbsDiff(fp32, int8) <= (maxStep / 2) + 1e-6, $"max abs diff {VectorMath.MaxAbsDiff(fp32, int8)}, step {maxStep}");
    }

    [Fact]
    public void Quantize_SmallWeights_StayFp32AndSayWhy()
    {
        var error = Assert.Throws<QuantizationException>(() => DynamicInt8Quantizer.Quantize(TinyModels.MatMul(8, 8)));

        Assert.Contains("found no MatMul", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_OpsetBelow11_ThrowsNamingTheOpset()
    {
        var error = Assert.Throws<QuantizationException>(() => DynamicInt8Quantizer.Quantize(TinyModels.MatMul(64, 64, opset: 10)));

        Assert.Contains("opset 11", error.Message, StringComparison.Ordinal);
        Assert.Contains("imports opset 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_AlreadyQuantizedModel_ThrowsNamingNodeAndOperator()
    {
        var error = Assert.Throws<QuantizationException>(() => DynamicInt8Quantizer.Quantize(TinyModels.AlreadyQuantized()));

        Assert.Contains("node 'dq' (DequantizeLinear)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_WeightInExternalFile_ThrowsNamingNodeTensorAndFile()
    {
        var model = TinyModels.MatMul(64, 64);
        var weight = model.Graph.Initializer[0];
        weight.RawData = Google.Protobuf.ByteString.Empty;
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });

        var error = Assert.Throws<QuantizationException>(() => DynamicInt8Quantizer.Quantize(model));

        Assert.Contains("node 'mm' (MatMul) reads tensor 'W'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'weights.bin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_ConvolutionalModel_ThrowsThatNothingCouldBeQuantized()
    {
        var error = Assert.Throws<QuantizationException>(() => DynamicInt8Quantizer.Quantize(OnnxModelFile.Read(TestModels.ModelFile("ocr-det"))));

        Assert.Contains("found no MatMul, Gemm or Gather", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, SampleTensor> Input(string name, int width) =>
        new() { [name] = SampleTensor.FromFloats(TinyModels.Random(width, 99), 1, width) };

    private static (float[] Fp32, float[] Int8) Outputs(ModelProto model, Dictionary<string, SampleTensor> input)
    {
        using var directory = new TempDirectory();
        OnnxModelFile.Write(model, directory.File("fp32.onnx"));
        OnnxModelFile.Write(DynamicInt8Quantizer.Quantize(model, new DynamicInt8Options { MinWeightElements = 16 }).Model, directory.File("int8.onnx"));
        using var fp32 = new ModelRunner(directory.File("fp32.onnx"));
        using var int8 = new ModelRunner(directory.File("int8.onnx"));
        return (fp32.Run(input)["y"].ToFloats(), int8.Run(input)["y"].ToFloats());
    }
}
