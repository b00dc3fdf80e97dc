using System.Text.Json.Nodes;
using EdgeCloud.Quantization.Publishing;
using EdgeCloud.Quantization.Tests.TestSupport;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.Quantization.Tests.Publishing;

public sealed class ConfigVariantsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void AddVariant_ConfigWithoutVariants_ListsFp32ThenTheNewOne()
    {
        var path = Write("""{ "name": "m", "placement": "edge", "custom_field": { "keep": [1, 2] } }""");

        ConfigVariants.AddVariant(path, "int8", "model.int8.onnx", "int8", ["cpu"]);

        var config = ModelConfigReader.Read(path, "m");
        Assert.Equal(["fp32", "int8"], config.Variants.Select(v => v.Id));
        Assert.Equal(["cpu"], config.Variants[1].PreferOn);
        Assert.Equal("edge", config.Placement);
        Assert.Equal("[1,2]", JsonNode.Parse(File.ReadAllText(path))!["custom_field"]!["keep"]!.ToJsonString());
    }

    [Fact]
    public void AddVariant_SameIdTwice_ReplacesIt()
    {
        var path = Write("""{ "name": "m", "variants": [ { "id": "fp32", "file": "model.onnx" }, { "id": "fp16", "file": "old.onnx" } ] }""");

        ConfigVariants.AddVariant(path, "fp16", "model.fp16.onnx", "fp16", ["cuda", "dml"]);

        var variants = ModelConfigReader.Read(path, "m").Variants;
        Assert.Equal(["fp32", "fp16"], variants.Select(v => v.Id));
        Assert.Equal("model.fp16.onnx", variants[1].File);
        Assert.Equal(["cuda", "dml"], variants[1].PreferOn);
        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void AddVariant_NotJson_ThrowsNamingTheFile()
    {
        var path = Write("{ not json");

        var error = Assert.Throws<QuantizationException>(() => ConfigVariants.AddVariant(path, "int8", "x.onnx", "int8", ["cpu"]));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string Write(string json)
    {
        var path = _directory.File("config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
