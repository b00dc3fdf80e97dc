using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>Fleet messages the agent refused, by reason.</summary>
public sealed class FleetAgentCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<FleetRejectReason>().Length];

    public void Rejected(FleetRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public long RejectedCount(FleetRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);
}
