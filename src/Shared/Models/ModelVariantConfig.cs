using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Models;

/// <summary>One file of a model version, e.g. fp32, int8 (CPU) or fp16 (GPU).</summary>
public sealed record ModelVariantConfig
{
    public static ModelVariantConfig Default { get; } = new() { Id = "fp32", File = "model.onnx", Precision = "fp32" };

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("precision")]
    public string Precision { get; init; } = "fp32";

    /// <summary>Execution providers this variant is the first choice on (cpu, cuda, dml).</summary>
    [JsonPropertyName("prefer_on")]
    public IReadOnlyList<string> PreferOn { get; init; } = [];
}
