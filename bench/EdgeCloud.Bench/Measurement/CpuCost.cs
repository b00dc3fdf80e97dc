namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// CPU time one call of a path costs, in the bench (client) and in the hub, averaged over a sequential
/// run; for hub paths also the hub's own mean compute and queue time per call, from its /metrics.
/// </summary>
internal sealed record CpuCost(
    string Name, PathRole Role, long Calls, double ClientMicros, double HubMicros, double WallMicros, double? HubComputeMicros, double? HubQueueMicros)
{
    public double TotalMicros => ClientMicros + HubMicros;
}
