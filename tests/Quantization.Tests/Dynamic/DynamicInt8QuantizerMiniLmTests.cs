using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.TestUtilities;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Tests.Dynamic;

/// <summary>MiniLM int8 (dynamic) against the real fp32 model. Latency is measured by the bench, not here.</summary>
public sealed class DynamicInt8QuantizerMiniLmTests(QuantizedModelsFixture models)
{
    [Fact]
    public void Quantize_MiniLm_FileIsAtMost30PercentOfFp32()
    {
        var fp32 = new FileInfo(TestModels.ModelFile("minilm")).Length;
        var int8 = new FileInfo(models.MiniLmInt8).Length;

        Assert.True(int8 <= 0.30 * fp32, $"int8 is {int8} bytes, {100.0 * int8 / fp32:F1}% of fp32's {fp32}");
    }

    [Fact]
    public void Quantize_MiniLm_MeanEmbeddingCosineOverVariedSentencesIsAtLeast099()
    {
        var samples = MiniLmEvaluation.Samples(TestModels.MiniLmVocab);
        Assert.True(samples.Count >= 50, $"only {samples.Count} evaluation sentences");

        var stats = VariantComparison.Compare(TestModels.ModelFile("minilm"), models.MiniLmInt8, [.. samples], ComparisonKind.PooledEmbedding);

        Assert.Equal(samples.Count, stats.Samples);
        Assert.True(stats.MeanCosine >= 0.99, stats.ToString());
        Assert.True(stats.MinCosine >= 0.95, stats.ToString());
    }

    [Fact]
    public void Quantize_MiniLm_QuantizesEveryWeightMatMulGemmAndTheEmbeddingTables()
    {
        Assert.Equal(36, models.MiniLmReport.Converted["MatMul"]);
        Assert.Equal(1, models.MiniLmReport.Converted["Gemm"]);
        Assert.Equal(2, models.MiniLmReport.Converted["Gather"]);
        var model = OnnxModelFile.Read(models.MiniLmInt8);
        var largeFloats = model.Graph.Initializer.Where(t => t.DataType == (int)DataType.Float && TensorBytes.ElementCount(t) >= 4096).ToList();
        Assert.Equal([30522L, 1L], Assert.Single(largeFloats).Dims);
        Assert.Contains(model.MetadataProps, p => p.Key == "edgecloud.conversion" && p.Value.StartsWith("int8-dynamic", StringComparison.Ordinal));
    }

    [Fact]
    public void Quantize_MiniLm_OnnxRuntimeFusesTheIntegerMatMulsOnCpu()
    {
        var ops = OptimizedGraph.OperatorCounts(models.MiniLmInt8);

        var fused = ops.GetValueOrDefault("MatMulIntegerToFloat") + ops.GetValueOrDefault("DynamicQuantizeMatMul");
        Assert.True(fused >= 37, $"only {fused} fused integer MatMuls: {string.Join(", ", ops)}");
        Assert.False(ops.ContainsKey("MatMulInteger"), "an unfused MatMulInteger is left");
    }

    [Fact]
    public void Quantize_MiniLm_KeepsInputsOutputsAndOpset()
    {
        var fp32 = OnnxModelFile.Read(TestModels.ModelFile("minilm"));
        var int8 = OnnxModelFile.Read(models.MiniLmInt8);

        Assert.Equal(fp32.Graph.Input.Select(i => i.ToString()), int8.Graph.Input.Select(i => i.ToString()));
        Assert.Equal(fp32.Graph.Output.Select(o => o.ToString()), int8.Graph.Output.Select(o => o.ToString()));
        Assert.Equal(13, Opsets.Default(int8));
        using var runner = new ModelRunner(models.MiniLmInt8);
        Assert.Equal(["last_hidden_state", "924"], runner.OutputMetadata.Keys);
    }
}
