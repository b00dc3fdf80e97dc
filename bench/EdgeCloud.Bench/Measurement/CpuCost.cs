namespace EdgeCloud.Bench.Measurement;

/// <summary>CPU time one call of a path costs, in the bench (client) and in the hub, averaged over a sequential run.</summary>
internal sealed record CpuCost(string Name, PathRole Role, long Calls, double ClientMicros, double HubMicros, double WallMicros)
{
    public double TotalMicros => ClientMicros + HubMicros;
}
