using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Models;

/// <summary>How the hub gathers requests of one model into batches.</summary>
public sealed record DynamicBatchingConfig
{
    [JsonPropertyName("max_queue_delay_microseconds")]
    public int MaxQueueDelayMicroseconds { get; init; } = 2000;

    [JsonPropertyName("preferred_batch_size")]
    public IReadOnlyList<int> PreferredBatchSize { get; init; } = [];

    [JsonPropertyName("max_queue_size")]
    public int MaxQueueSize { get; init; } = 1024;
}
