using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

public sealed class ModelConfigReaderTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Read_SileroConfig_ReadsEveryField()
    {
        var config = ModelConfigReader.Read(Path.Combine(TestModels.Folder(TestModels.SileroVad), "config.json"), TestModels.SileroVad);

        Assert.Equal("silero-vad", config.Name);
        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.Equal(0, config.MaxBatchSize);
        Assert.Equal(ModelPlacement.Edge, config.Placement);
        Assert.Equal(["audio"], config.Modality);
        Assert.Equal(256, config.DynamicBatching!.MaxQueueSize);
        Assert.Equal(["input", "state", "sr"], config.Warmup.Select(w => w.Name));
        Assert.Equal([1L, 512L], config.Warmup[0].Shape);
        Assert.Null(config.Warmup[2].Shape);
        Assert.Equal(16000, config.Warmup[2].Fill);
        var variant = Assert.Single(config.Variants);
        Assert.Equal(("fp32", "model.onnx", "fp32"), (variant.Id, variant.File, variant.Precision));
        Assert.Empty(variant.PreferOn);
    }

    [Fact]
    public void Read_MiniLmConfig_ReadsDynamicBatching()
    {
        var config = ModelConfigReader.Read(Path.Combine(TestModels.Folder(TestModels.MiniLm), "config.json"), TestModels.MiniLm);

        Assert.Equal(32, config.MaxBatchSize);
        Assert.Equal(2000, config.DynamicBatching!.MaxQueueDelayMicroseconds);
        Assert.Equal([8, 16, 32], config.DynamicBatching.PreferredBatchSize);
        Assert.Equal(1024, config.DynamicBatching.MaxQueueSize);
        Assert.Equal(ModelPlacement.Both, config.Placement);
    }

    [Fact]
    public void Read_EveryFetchedModelConfig_IsValid()
    {
        foreach (var folder in Directory.EnumerateDirectories(TestModels.Repository))
        {
            var name = Path.GetFileName(folder);
            var config = ModelConfigReader.Read(Path.Combine(folder, "config.json"), name);
            Assert.Equal(name, config.Name);
        }
    }

    [Fact]
    public void Read_OnlyName_FillsTheDefaults()
    {
        var config = Read("m", """{"name":"m"}""");

        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.Equal(0, config.MaxBatchSize);
        Assert.Equal(1, config.InstanceCount);
        Assert.Equal(ModelPlacement.Both, config.Placement);
        Assert.Equal(["tensor"], config.Modality);
        Assert.Null(config.DynamicBatching);
        Assert.Empty(config.Warmup);
        Assert.True(config.Cacheable);
        Assert.Equal(ModelVariantConfig.Default, Assert.Single(config.Variants));
    }

    [Fact]
    public void Read_VariantsWithPreferOn_ReadsThem()
    {
        var config = Read("m", """
            {"name":"m","cacheable":false,"variants":[
              {"id":"fp32","file":"model.onnx"},
              {"id":"int8","file":"model.int8.onnx","precision":"int8","prefer_on":["cpu"]},
              {"id":"fp16","file":"model.fp16.onnx","precision":"fp16","prefer_on":["cuda","dml"]}]}
            """);

        Assert.False(config.Cacheable);
        Assert.Equal(["fp32", "int8", "fp16"], config.Variants.Select(v => v.Id));
        Assert.Equal("fp32", config.Variants[0].Precision);
        Assert.Equal(["cpu"], config.Variants[1].PreferOn);
        Assert.Equal(["cuda", "dml"], config.Variants[2].PreferOn);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreAccepted()
    {
        var config = Read("m", """
            {
              // the model's name
              "name": "m",
              "placement": "edge", /* on devices only */
            }
            """);

        Assert.Equal(ModelPlacement.Edge, config.Placement);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"name\":}")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"name\":\"m\",\"max_batch_size\":\"big\"}")]
    [InlineData("{\"name\":\"m\",\"variants\":{}}")]
    [InlineData("{\"name\":\"m\",\"variants\":[{\"id\":\"fp32\"}]}")]
    public void Read_BadJson_ThrowsInvalidDataNamingTheFile(string text)
    {
        var path = _repo.WriteFile("m/config.json", text);

        var ex = Assert.Throws<InvalidDataException>(() => ModelConfigReader.Read(path, "m"));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid model config", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingName_ThrowsInvalidDataNamingTheFileAndField()
    {
        var path = _repo.WriteFile("m/config.json", """{"placement":"edge"}""");

        var ex = Assert.Throws<InvalidDataException>(() => ModelConfigReader.Read(path, "m"));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonNull_ThrowsInvalidDataNamingTheFile()
    {
        var path = _repo.WriteFile("m/config.json", "null");

        var ex = Assert.Throws<InvalidDataException>(() => ModelConfigReader.Read(path, "m"));

        Assert.Equal($"{path}: expected a JSON object, got null", ex.Message);
    }

    [Fact]
    public void Read_NameDiffersFromFolder_ThrowsInvalidDataNamingBoth() =>
        AssertInvalid("m", """{"name":"other"}""", "name is 'other' but the folder is 'm'; they must match");

    [Fact]
    public void Read_NameDiffersOnlyInCase_ThrowsInvalidData() =>
        AssertInvalid("m", """{"name":"M"}""", "name is 'M' but the folder is 'm'");

    [Theory]
    [InlineData("fog")]
    [InlineData("Edge")]
    [InlineData("edge|cloud")]
    [InlineData("")]
    public void Read_BadPlacement_ThrowsInvalidDataNamingTheValue(string placement) =>
        AssertInvalid("m", $$"""{"name":"m","placement":"{{placement}}"}""", $"placement must be edge, cloud or both, got '{placement}'");

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Read_NegativeMaxBatchSize_ThrowsInvalidData(int value) =>
        AssertInvalid("m", $$"""{"name":"m","max_batch_size":{{value}}}""", $"max_batch_size must be >= 0, got {value}");

    [Fact]
    public void Read_ZeroInstanceCount_ThrowsInvalidData() =>
        AssertInvalid("m", """{"name":"m","instance_count":0}""", "instance_count must be >= 1, got 0");

    [Fact]
    public void Read_NoVariants_ThrowsInvalidData() =>
        AssertInvalid("m", """{"name":"m","variants":[]}""", "variants must list at least one file");

    [Theory]
    [InlineData("../x.onnx")]
    [InlineData("../../etc/passwd")]
    [InlineData("sub/../../x.onnx")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("/tmp/model.onnx")]
    public void Read_VariantPathOutsideTheVersionFolder_ThrowsInvalidData(string file) =>
        AssertInvalid("m", $$"""{"name":"m","variants":[{"id":"fp32","file":"model.onnx"},{"id":"bad","file":"{{file}}"}]}""", "variant files must be plain names inside the version folder");

    [Fact]
    public void Read_SeveralProblems_ListsEveryOneInOneMessage()
    {
        var path = _repo.WriteFile("m/config.json", """{"name":"x","placement":"fog","max_batch_size":-4,"variants":[{"id":"a","file":"../a.onnx"}]}""");

        var ex = Assert.Throws<InvalidDataException>(() => ModelConfigReader.Read(path, "m"));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("name is 'x'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("placement", ex.Message, StringComparison.Ordinal);
        Assert.Contains("max_batch_size must be >= 0, got -4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("variant files must be plain names", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("variants")]
    [InlineData("modality")]
    [InlineData("warmup")]
    public void Read_ListFieldIsNull_ThrowsInvalidDataNamingTheFile(string field)
    {
        // A hand-edited config with "variants": null must be refused like any other bad config,
        // not crash the loader with a NullReferenceException that names no file.
        var path = _repo.WriteFile("m/config.json", $$"""{"name":"m","{{field}}":null}""");

        var ex = Record.Exception(() => ModelConfigReader.Read(path, "m"));

        var invalid = Assert.IsType<InvalidDataException>(ex);
        Assert.StartsWith(path + ":", invalid.Message, StringComparison.Ordinal);
        Assert.Contains(field, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VariantFileIsNull_ThrowsInvalidDataNamingTheFile()
    {
        var path = _repo.WriteFile("m/config.json", """{"name":"m","variants":[{"id":"fp32","file":null}]}""");

        var ex = Record.Exception(() => ModelConfigReader.Read(path, "m"));

        var invalid = Assert.IsType<InvalidDataException>(ex);
        Assert.StartsWith(path + ":", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        var path = Path.Combine(_repo.Root, "absent", "config.json");

        var ex = Assert.ThrowsAny<IOException>(() => ModelConfigReader.Read(path, "absent"));

        Assert.Contains(Path.Combine(_repo.Root, "absent"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidConfig_ReturnsNoErrors() =>
        Assert.Empty(ModelConfigReader.Validate(new ModelConfig { Name = "m" }, "m"));

    [Fact]
    public void Validate_InvalidConfig_ReturnsOneErrorPerProblem()
    {
        var config = new ModelConfig { Name = "m", Placement = "sky", InstanceCount = 0, Variants = [] };

        Assert.Equal(3, ModelConfigReader.Validate(config, "m").Count);
    }

    private ModelConfig Read(string folder, string json) =>
        ModelConfigReader.Read(_repo.WriteFile(Path.Combine(folder, "config.json"), json), folder);

    private void AssertInvalid(string folder, string json, string fragment)
    {
        var path = _repo.WriteFile(Path.Combine(folder, "config.json"), json);

        var ex = Assert.Throws<InvalidDataException>(() => ModelConfigReader.Read(path, folder));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }
}
