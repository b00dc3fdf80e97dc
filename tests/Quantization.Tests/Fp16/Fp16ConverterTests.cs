using EdgeCloud.Quantization.Fp16;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Tests.Fp16;

/// <summary>
/// fp16 variants load and run on the CPU here (ORT adds casts where its CPU kernels lack fp16).
/// Stated tolerance: MiniLM embedding cosine ≥ 0.999 and last_hidden_state max abs diff ≤ 0.05;
/// ResNet18 output cosine ≥ 0.999.
/// </summary>
public sealed class Fp16ConverterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Convert_MiniLm_RunsOnCpuWithinStatedTolerance()
    {
        var path = Convert("minilm");
        var samples = MiniLmEvaluation.Samples(TestModels.MiniLmVocab).Take(20).ToList();

        var stats = VariantComparison.Compare(TestModels.ModelFile("minilm"), path, [.. samples], ComparisonKind.PooledEmbedding);

        Assert.True(stats.MeanCosine >= 0.999, stats.ToString());
        Assert.True(stats.MaxAbsDiff <= 0.05, stats.ToString());
    }

    [Fact]
    public void Convert_MiniLm_HalvesTheFileAndKeepsFp32InputsAndOutputs()
    {
        var path = Convert("minilm");

        var model = OnnxModelFile.Read(path);
        Assert.True(new FileInfo(path).Length < new FileInfo(TestModels.ModelFile("minilm")).Length * 0.52);
        Assert.All(model.Graph.Output, o => Assert.Equal((int)DataType.Float, o.Type.TensorType.ElemType));
        Assert.All(model.Graph.Input, i => Assert.Equal((int)DataType.Int64, i.Type.TensorType.ElemType));
        using var runner = new ModelRunner(path);
        Assert.All(runner.OutputMetadata.Values, m => Assert.Equal(typeof(float), m.ElementType));
    }

    [Fact]
    public void Convert_MiniLm_BlockedOperatorsReadFp32ThroughCasts()
    {
        var model = OnnxModelFile.Read(Convert("minilm"));

        var casts = model.Graph.Node.Where(n => n.OpType == "Cast").ToDictionary(n => n.Output[0], n => Attributes.GetInt(n, "to", 0));
        var blocked = model.Graph.Node.Where(n => n.OpType is "ReduceMean" or "Pow").ToList();
        Assert.Equal(26 + 13, blocked.Count);
        Assert.All(blocked, n => Assert.Equal((long)DataType.Float, casts.GetValueOrDefault(n.Input[0], (long)DataType.Float)));
        Assert.Contains(model.Graph.Node, n => n.OpType == "MatMul");
        Assert.Contains(model.Graph.Initializer, t => t.DataType == (int)DataType.Float16 && t.Dims.SequenceEqual([384L, 1536L]));
        Assert.DoesNotContain(model.Graph.Initializer, t => t.DataType == (int)DataType.Float && TensorBytes.ElementCount(t) > 1024);
    }

    [Fact]
    public void Convert_ResNet18_OutputCosineIsAtLeast0999()
    {
        var path = Convert("resnet18");

        var stats = VariantComparison.Compare(TestModels.ModelFile("resnet18"), path, ImageSamples.ResNet(1000, 3), ComparisonKind.Outputs);

        Assert.True(stats.MeanCosine >= 0.999, stats.ToString());
    }

    [Fact]
    public void Convert_ControlFlowModel_ThrowsNamingTheNode()
    {
        var error = Assert.Throws<QuantizationException>(() => Fp16Converter.Convert(OnnxModelFile.Read(TestModels.ModelFile("silero-vad"))));

        Assert.Contains("(If)", error.Message, StringComparison.Ordinal);
        Assert.Contains("subgraph", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string Convert(string model)
    {
        var path = _directory.File(model + ".fp16.onnx");
        if (!File.Exists(path))
        {
            OnnxModelFile.Write(Fp16Converter.Convert(OnnxModelFile.Read(TestModels.ModelFile(model))).Model, path);
        }

        return path;
    }
}
