using System.Text.Json.Nodes;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>A temporary seed repository for an agent: copies of real models, optionally with edited configs.</summary>
internal sealed class EdgeSeed : IDisposable
{
    public EdgeSeed(params string[] models)
    {
        foreach (var model in models)
        {
            TestModels.CopyModel(model, Root);
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("edgecloud-seed-").FullName;

    public string NewDataDir() => Directory.CreateTempSubdirectory("edgecloud-agent-").FullName;

    /// <summary>Sets one top-level field of a model's config.json.</summary>
    public void SetConfig(string model, string field, JsonNode? value)
    {
        var path = Path.Combine(Root, model, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config[field] = value;
        File.WriteAllText(path, config.ToJsonString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
