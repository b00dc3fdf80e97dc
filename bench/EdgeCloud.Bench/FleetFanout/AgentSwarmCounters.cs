using System.Diagnostics;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// What the simulated agents saw: desired versions taken (each once), when the latest was taken (a
/// <see cref="Stopwatch"/> timestamp: the monotonic clock, comparable across processes on this machine),
/// and reports the broker did not acknowledge.
/// </summary>
internal sealed class AgentSwarmCounters
{
    private long _desired;
    private long _lastDesiredAt;
    private long _publishFailures;

    public long Desired => Interlocked.Read(ref _desired);

    public long LastDesiredAt => Interlocked.Read(ref _lastDesiredAt);

    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    public void DesiredReceived()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _desired);
        for (var last = Interlocked.Read(ref _lastDesiredAt); now > last; last = Interlocked.Read(ref _lastDesiredAt))
        {
            if (Interlocked.CompareExchange(ref _lastDesiredAt, now, last) == last)
            {
                break;
            }
        }
    }

    public void PublishFailed() => Interlocked.Increment(ref _publishFailures);
}
