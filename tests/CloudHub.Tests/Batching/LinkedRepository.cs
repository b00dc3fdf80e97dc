using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>
/// A temporary model repository whose models link to the real model files, each with the config.json a
/// test gives it (batching settings, instance counts), so a hub can serve the same model differently.
/// </summary>
internal sealed class LinkedRepository : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("edgecloud-batching-").FullName;

    /// <summary>Adds <paramref name="model"/> with its real file and this config (JSON with the name filled in).</summary>
    public LinkedRepository Add(string model, string configBody)
    {
        var versionDir = Directory.CreateDirectory(Path.Combine(Root, model, "1")).FullName;
        File.CreateSymbolicLink(Path.Combine(versionDir, "model.onnx"), TestModels.ModelFile(model));
        File.WriteAllText(Path.Combine(Root, model, "config.json"), $$"""{ "name": "{{model}}", {{configBody}} }""");
        return this;
    }

    /// <summary>A config body with dynamic batching.</summary>
    public static string Batched(int maxBatchSize, int delayMicroseconds, int maxQueueSize = 1024, int instances = 1, string preferred = "") =>
        $$"""
        "max_batch_size": {{maxBatchSize}}, "instance_count": {{instances}},
        "dynamic_batching": { "max_queue_delay_microseconds": {{delayMicroseconds}}, "preferred_batch_size": [{{preferred}}], "max_queue_size": {{maxQueueSize}} }
        """;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
