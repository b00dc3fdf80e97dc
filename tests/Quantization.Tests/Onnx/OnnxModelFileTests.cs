using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Tests.Onnx;

public sealed class OnnxModelFileTests
{
    [Fact]
    public void Read_MiniLm_ParsesGraphWithRawDataInitializers()
    {
        var model = OnnxModelFile.Read(TestModels.ModelFile("minilm"));

        Assert.Equal(13, Opsets.Default(model));
        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(48, model.Graph.Node.Count(n => n.OpType == "MatMul"));
        var embeddings = model.Graph.Initializer.Single(t => t.Dims.SequenceEqual([30522L, 384L]));
        Assert.Equal(30522 * 384, TensorBytes.ReadFloats(embeddings).Length);
    }

    [Fact]
    public void WriteThenRead_ResNetWithTypedFloatData_RunsTheSameInOnnxRuntime()
    {
        using var directory = new TempDirectory();
        var source = TestModels.ModelFile("resnet18");
        var copy = directory.File("copy.onnx");
        var sample = ImageSamples.ResNet(5, 1)[0];

        OnnxModelFile.Write(OnnxModelFile.Read(source), copy);

        using var original = new ModelRunner(source);
        using var rewritten = new ModelRunner(copy);
        Assert.Equal(original.Run(sample).Single().Value.Data, rewritten.Run(sample).Single().Value.Data);
        Assert.Equal([copy], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Read_NotAModel_ThrowsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File("junk.onnx");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0x01, 0x02]);

        var error = Assert.Throws<QuantizationException>(() => OnnxModelFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloats_ExternalData_ThrowsNamingTheTensor()
    {
        var tensor = new TensorProto { Name = "big_weight", DataType = (int)DataType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(4);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });

        var error = Assert.Throws<QuantizationException>(() => TensorBytes.ReadFloats(tensor));

        Assert.Contains("'big_weight'", error.Message, StringComparison.Ordinal);
        Assert.Contains("external", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloats_TypedInt32FieldOfFloat16_DecodesHalfBits()
    {
        var tensor = new TensorProto { Name = "h", DataType = (int)DataType.Float16 };
        tensor.Dims.Add(2);
        tensor.Int32Data.Add([BitConverter.HalfToUInt16Bits((Half)1.5f), BitConverter.HalfToUInt16Bits((Half)(-2f))]);

        Assert.Equal([1.5f, -2f], TensorBytes.ReadFloats(tensor));
    }
}
