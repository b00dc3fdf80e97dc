using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Models;

/// <summary>A model's <c>config.json</c> in a Triton-like repository (see DESIGN.md).</summary>
public sealed record ModelConfig
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("platform")]
    public string Platform { get; init; } = "onnxruntime_onnx";

    /// <summary>0 means the model takes no batch dimension that requests can be joined along.</summary>
    [JsonPropertyName("max_batch_size")]
    public int MaxBatchSize { get; init; }

    [JsonPropertyName("dynamic_batching")]
    public DynamicBatchingConfig? DynamicBatching { get; init; }

    [JsonPropertyName("instance_count")]
    public int InstanceCount { get; init; } = 1;

    [JsonPropertyName("modality")]
    public IReadOnlyList<string> Modality { get; init; } = ["tensor"];

    /// <summary><c>edge</c>, <c>cloud</c> or <c>both</c>.</summary>
    [JsonPropertyName("placement")]
    public string Placement { get; init; } = ModelPlacement.Both;

    [JsonPropertyName("variants")]
    public IReadOnlyList<ModelVariantConfig> Variants { get; init; } = [ModelVariantConfig.Default];

    /// <summary>Whether results may be cached at the edge. Default true.</summary>
    /// <summary>Per-input overrides for the warm-up run after loading.</summary>
    [JsonPropertyName("warmup")]
    public IReadOnlyList<WarmupInputConfig> Warmup { get; init; } = [];

    /// <summary>An output whose largest value is the model's confidence (e.g. softmax scores), for the edge confidence cascade.</summary>
    [JsonPropertyName("confidence_output")]
    public string? ConfidenceOutput { get; init; }

    /// <summary>Relative cost of one input element, for the edge heaviness estimate (elements × cost). Default 1.</summary>
    [JsonPropertyName("cost_per_element")]
    public double CostPerElement { get; init; } = 1;

    [JsonPropertyName("cacheable")]
    public bool Cacheable { get; init; } = true;
}
