namespace EdgeCloud.Bench.FleetFanout;

/// <summary>What the simulated agents saw: desired versions taken (each once) and reports the broker did not acknowledge.</summary>
internal sealed class AgentSwarmCounters
{
    private long _desired;
    private long _publishFailures;

    public long Desired => Interlocked.Read(ref _desired);

    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    public void DesiredReceived() => Interlocked.Increment(ref _desired);

    public void PublishFailed() => Interlocked.Increment(ref _publishFailures);
}
