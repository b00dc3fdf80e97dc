namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// CPU time one call of a path costs, in the bench (client) and in the server, averaged over a sequential
/// run; for hub paths also the hub's own mean compute and queue time per call, and what the hub process
/// allocated and paused for GC per call, from its /metrics.
/// </summary>
internal sealed record CpuCost(
    string Name, PathRole Role, long Calls, double ClientMicros, double HubMicros, double WallMicros, double? HubComputeMicros, double? HubQueueMicros,
    double? HubAllocatedBytes = null, double? HubGcPauseMicros = null, long? HubGcCollections = null)
{
    public double TotalMicros => ClientMicros + HubMicros;
}
