using System.Text.Json.Nodes;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Bench.Batching;

/// <summary>A temporary model repository with the real model file linked in and its config.json at a chosen instance_count.</summary>
internal sealed class BenchRepository : IDisposable
{
    public BenchRepository(string model, int instances)
    {
        var source = Path.Combine(TestModels.Repository, model);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "config.json")))!.AsObject();
        config["instance_count"] = instances;
        var version = Directory.CreateDirectory(Path.Combine(Root, model, "1")).FullName;
        File.CreateSymbolicLink(Path.Combine(version, "model.onnx"), Path.Combine(source, "1", "model.onnx"));
        File.WriteAllText(Path.Combine(Root, model, "config.json"), config.ToJsonString());
        Config = config.ToJsonString();
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("edgecloud-bench-batching-").FullName;

    /// <summary>The config.json the hub serves the model with.</summary>
    public string Config { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
