using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Models;

/// <summary>
/// Overrides the shape and fill value of one input in the warm-up run, for models that zeros with
/// variable dimensions of 1 do not fit (e.g. a sample rate input, or a minimum window length).
/// </summary>
public sealed record WarmupInputConfig
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("shape")]
    public IReadOnlyList<long>? Shape { get; init; }

    [JsonPropertyName("fill")]
    public double Fill { get; init; }
}
