using System.Text.Json.Nodes;

namespace EdgeCloud.Bench.Throughput;

/// <summary>A temporary hub model repository: the model file linked in as <c>{name}/1/model.onnx</c> with a config.json for it.</summary>
internal sealed class ThroughputRepository : IDisposable
{
    public ThroughputRepository(string name, string modelFile, int maxBatch, int queueDelayMicroseconds)
    {
        var config = new JsonObject
        {
            ["name"] = name,
            ["platform"] = "onnxruntime_onnx",
            ["max_batch_size"] = maxBatch,
            ["dynamic_batching"] = new JsonObject
            {
                ["max_queue_delay_microseconds"] = maxBatch > 0 ? queueDelayMicroseconds : 0,
                ["preferred_batch_size"] = maxBatch > 0 ? new JsonArray(maxBatch) : new JsonArray(),
                ["max_queue_size"] = 1024,
            },
            ["instance_count"] = 1,
            ["modality"] = new JsonArray("image"),
            ["placement"] = "cloud",
            ["variants"] = new JsonArray(new JsonObject { ["id"] = "fp32", ["file"] = "model.onnx", ["precision"] = "fp32" }),
        };
        var version = Directory.CreateDirectory(Path.Combine(Root, name, "1")).FullName;
        File.CreateSymbolicLink(Path.Combine(version, "model.onnx"), Path.GetFullPath(modelFile));
        Config = config.ToJsonString();
        File.WriteAllText(Path.Combine(Root, name, "config.json"), Config);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("edgecloud-bench-throughput-").FullName;

    /// <summary>The config.json the hub serves the model with.</summary>
    public string Config { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
