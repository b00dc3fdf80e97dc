using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

public sealed class VariantSelectorTests : IDisposable
{
    private static readonly ModelConfig ThreeVariants = new()
    {
        Name = "m",
        Variants =
        [
            new ModelVariantConfig { Id = "fp32", File = "model.onnx" },
            new ModelVariantConfig { Id = "int8", File = "model.int8.onnx", Precision = "int8", PreferOn = ["cpu"] },
            new ModelVariantConfig { Id = "fp16", File = "model.fp16.onnx", Precision = "fp16", PreferOn = ["cuda", "dml"] },
        ],
    };

    private readonly TempRepository _repo = new();
    private readonly string _version;

    public VariantSelectorTests()
    {
        _version = Path.Combine(_repo.Root, "m", "1");
        Directory.CreateDirectory(_version);
    }

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("cpu", "int8")]
    [InlineData("cuda", "fp16")]
    [InlineData("dml", "fp16")]
    public void Choose_AllFilesPresent_PrefersTheVariantThatPrefersTheProvider(string provider, string expected)
    {
        Touch("model.onnx", "model.int8.onnx", "model.fp16.onnx");

        Assert.Equal(expected, VariantSelector.Choose(ThreeVariants, _version, provider, null).Id);
    }

    [Fact]
    public void Choose_PreferredFileMissing_FallsBackToFp32()
    {
        Touch("model.onnx", "model.fp16.onnx");

        Assert.Equal("fp32", VariantSelector.Choose(ThreeVariants, _version, "cpu", null).Id);
    }

    [Fact]
    public void Choose_NoPreferenceAndNoFp32_TakesTheFirstPresent()
    {
        Touch("model.int8.onnx", "model.fp16.onnx");
        var config = ThreeVariants with
        {
            Variants = [.. ThreeVariants.Variants.Select(v => v with { PreferOn = [] })],
        };

        Assert.Equal("int8", VariantSelector.Choose(config, _version, "cpu", null).Id);
    }

    [Fact]
    public void Choose_NoVariantPrefersTheProvider_TakesFp32EvenIfNotFirst()
    {
        Touch("model.onnx", "model.fp16.onnx");
        var config = ThreeVariants with { Variants = [ThreeVariants.Variants[2], ThreeVariants.Variants[0]] };

        Assert.Equal("fp32", VariantSelector.Choose(config, _version, "cpu", null).Id);
    }

    [Fact]
    public void Choose_ExplicitVariant_WinsOverPreference()
    {
        Touch("model.onnx", "model.int8.onnx", "model.fp16.onnx");

        Assert.Equal("fp16", VariantSelector.Choose(ThreeVariants, _version, "cpu", "fp16").Id);
        Assert.Equal("fp32", VariantSelector.Choose(ThreeVariants, _version, "cpu", "fp32").Id);
    }

    [Fact]
    public void Choose_EmptyExplicitVariant_ChoosesByProvider()
    {
        Touch("model.onnx", "model.int8.onnx");

        Assert.Equal("int8", VariantSelector.Choose(ThreeVariants, _version, "cpu", "").Id);
    }

    [Fact]
    public void Choose_ExplicitVariantWhoseFileIsMissing_ThrowsFileNotFoundListingPresent()
    {
        Touch("model.onnx", "model.int8.onnx");

        var ex = Assert.Throws<FileNotFoundException>(() => VariantSelector.Choose(ThreeVariants, _version, "cuda", "fp16"));

        Assert.Contains("variant 'fp16' was asked for", ex.Message, StringComparison.Ordinal);
        Assert.Contains("present: fp32, int8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_UnknownExplicitVariant_ThrowsFileNotFound()
    {
        Touch("model.onnx");

        Assert.Throws<FileNotFoundException>(() => VariantSelector.Choose(ThreeVariants, _version, "cpu", "int4"));
    }

    [Fact]
    public void Choose_NoFilePresent_ThrowsFileNotFoundNamingFilesAndFolder()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => VariantSelector.Choose(ThreeVariants, _version, "cpu", null));

        Assert.Contains("model 'm'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("model.onnx, model.int8.onnx, model.fp16.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_version, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_VersionFolderMissing_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => VariantSelector.Choose(ThreeVariants, Path.Combine(_repo.Root, "m", "9"), "cpu", null));

    [Fact]
    public void Choose_RealSileroFolder_TakesItsOnlyVariant()
    {
        var config = ModelConfigReader.Read(Path.Combine(TestModels.Folder(TestModels.SileroVad), "config.json"), TestModels.SileroVad);

        Assert.Equal("fp32", VariantSelector.Choose(config, Path.Combine(TestModels.Folder(TestModels.SileroVad), "1"), "cpu", null).Id);
    }

    [Theory]
    [InlineData(new string[0], "cpu")]
    [InlineData(new[] { "cpu" }, "cpu")]
    [InlineData(new[] { "cuda", "cpu" }, "cpu")]
    [InlineData(new[] { "dml", "cuda", "cpu" }, "cpu")]
    [InlineData(new[] { "cuda" }, "cuda")]
    public void ExpectedProvider_CpuOnlyBuild_IsTheFirstConfiguredOneItHasElseTheFirst(string[] configured, string expected) =>
        Assert.Equal(expected, VariantSelector.ExpectedProvider(new InferenceOptions { ExecutionProviders = configured }, ["CPUExecutionProvider"]));

    [Fact]
    public void ExpectedProvider_CudaBuild_IsCuda() =>
        Assert.Equal(
            "cuda",
            VariantSelector.ExpectedProvider(new InferenceOptions { ExecutionProviders = ["cuda", "cpu"] }, ["CUDAExecutionProvider", "CPUExecutionProvider"]));

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(_version, file), [0]);
        }
    }
}
