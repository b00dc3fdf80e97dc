namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// Running totals of the hub's compute and queue histograms for one model, and of the hub process's
/// allocations, collections and GC pause time; subtract two readings for an interval.
/// </summary>
internal sealed record HubTimings(
    double ComputeSeconds, long ComputeCount, double QueueSeconds, long QueueCount, double AllocatedBytes, long GcCollections, double GcPauseSeconds)
{
    public static HubTimings operator -(HubTimings after, HubTimings before) => new(
        after.ComputeSeconds - before.ComputeSeconds,
        after.ComputeCount - before.ComputeCount,
        after.QueueSeconds - before.QueueSeconds,
        after.QueueCount - before.QueueCount,
        after.AllocatedBytes - before.AllocatedBytes,
        after.GcCollections - before.GcCollections,
        after.GcPauseSeconds - before.GcPauseSeconds);

    /// <summary>Mean time of one model run (a whole batch when batched), in microseconds.</summary>
    public double? ComputeMicros => ComputeCount > 0 ? ComputeSeconds * 1e6 / ComputeCount : null;

    /// <summary>Mean wait in the batching queue per request, in microseconds; null for unbatched models.</summary>
    public double? QueueMicros => QueueCount > 0 ? QueueSeconds * 1e6 / QueueCount : null;
}
