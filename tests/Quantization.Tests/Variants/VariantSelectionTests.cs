using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Quantization.Publishing;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.Variants;

/// <summary>The serving side picks a real int8 variant by provider (cpu → int8) and says so in ModelSessionInfo.Variant.</summary>
public sealed class VariantSelectionTests(QuantizedModelsFixture models) : IDisposable
{
    private readonly TempDirectory _repository = new();

    [Fact]
    public void Load_CpuWithRealInt8Variant_ServesInt8WithEmbeddingsCloseToFp32()
    {
        AddInt8Variant();
        using var store = new ModelStore(_repository.Path, new InferenceOptions());
        using var fp32Store = new ModelStore(_repository.Path, new InferenceOptions(), _ => "fp32");

        var int8 = store.Load("minilm");
        var fp32 = fp32Store.Load("minilm");

        Assert.Equal("int8", int8.Info.Variant);
        Assert.Equal(ExecutionProviders.Cpu, int8.Info.ExecutionProvider);
        Assert.Equal("fp32", fp32.Info.Variant);
        var request = MiniLmText.Request("A man is eating a piece of bread.");
        var cosine = MiniLmText.Cosine(Embedding(int8.Session.Run(request, TestContext.Current.CancellationToken), request), Embedding(fp32.Session.Run(request, TestContext.Current.CancellationToken), request));
        Assert.True(cosine >= 0.98, $"cosine {cosine}");
    }

    [Fact]
    public void Choose_ByProvider_Int8OnCpuFp32ElsewhereWithoutAnFp16File()
    {
        AddInt8Variant();
        var config = ModelConfigReader.Read(Path.Combine(_repository.Path, "minilm", "config.json"), "minilm");
        var version = Path.Combine(_repository.Path, "minilm", "1");

        Assert.Equal("int8", VariantSelector.Choose(config, version, ExecutionProviders.Cpu, null).Id);
        Assert.Equal("fp32", VariantSelector.Choose(config, version, ExecutionProviders.Cuda, null).Id);
        Assert.Equal("fp32", VariantSelector.Choose(config, version, ExecutionProviders.Cpu, "fp32").Id);
    }

    public void Dispose() => _repository.Dispose();

    private void AddInt8Variant()
    {
        TestModels.CopyModel("minilm", _repository.Path);
        File.Copy(models.MiniLmInt8, Path.Combine(_repository.Path, "minilm", "1", "model.int8.onnx"));
        ConfigVariants.AddVariant(Path.Combine(_repository.Path, "minilm", "config.json"), "int8", "model.int8.onnx", "int8", ["cpu"]);
        ConfigVariants.AddVariant(Path.Combine(_repository.Path, "minilm", "config.json"), "fp16", "model.fp16.onnx", "fp16", ["cuda", "dml"]);
    }

    private static float[] Embedding(ModelInferResponse response, ModelInferRequest request)
    {
        var hidden = MemoryMarshal.Cast<byte, float>(response.RawOutputContents[0].Span);
        var mask = MemoryMarshal.Cast<byte, long>(request.RawInputContents[1].Span);
        return MiniLmText.Embedding(hidden, mask);
    }
}
