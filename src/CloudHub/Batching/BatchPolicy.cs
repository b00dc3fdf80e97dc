using EdgeCloud.Shared.Models;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>A model's dynamic batching settings, read from its config.json.</summary>
/// <param name="MaxBatchSize">The most rows (dimension-0 entries) one run may hold.</param>
/// <param name="MaxQueueDelay">How long the oldest request may wait for others to join it.</param>
/// <param name="PreferredBatchSizes">Sizes sent at once when reached, ascending, each at most <paramref name="MaxBatchSize"/>.</param>
/// <param name="MaxQueueSize">The most requests waiting; more are refused with RESOURCE_EXHAUSTED. 0 means unbounded.</param>
internal sealed record BatchPolicy(int MaxBatchSize, TimeSpan MaxQueueDelay, IReadOnlyList<int> PreferredBatchSizes, int MaxQueueSize)
{
    /// <summary>The policy of <paramref name="config"/>, or null when the model is not batched.</summary>
    public static BatchPolicy? From(ModelConfig config) =>
        config.MaxBatchSize > 0 && config.DynamicBatching is { } batching
            ? new BatchPolicy(
                config.MaxBatchSize,
                TimeSpan.FromMicroseconds(Math.Max(0, batching.MaxQueueDelayMicroseconds)),
                [.. batching.PreferredBatchSize.Where(s => s > 0 && s <= config.MaxBatchSize).Distinct().Order()],
                Math.Max(0, batching.MaxQueueSize))
            : null;

    public bool IsPreferred(long rows)
    {
        foreach (var size in PreferredBatchSizes)
        {
            if (size == rows)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() =>
        $"max_batch_size {MaxBatchSize}, max_queue_delay {MaxQueueDelay.TotalMicroseconds:0} µs, " +
        $"preferred [{string.Join(", ", PreferredBatchSizes)}], max_queue_size {(MaxQueueSize == 0 ? "unbounded" : MaxQueueSize)}";
}
