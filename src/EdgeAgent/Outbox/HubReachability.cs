namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// Whether the hub answered the agent's last real call (an outbox publish, a heartbeat, a deferred
/// job). A TCP connection that opens and is then cut leaves the gRPC channel looking healthy, so
/// the outcome of calls is what tells an outage apart, within one call or heartbeat.
/// </summary>
internal sealed class HubReachability
{
    private volatile bool _reachable = true;

    /// <summary>True until a call fails, and again after one succeeds.</summary>
    public bool Reachable => _reachable;

    public void Succeeded() => _reachable = true;

    public void Failed() => _reachable = false;
}
