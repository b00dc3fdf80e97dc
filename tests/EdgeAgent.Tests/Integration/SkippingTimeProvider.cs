namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>
/// Real time whose clock a test can move forward: timers (the hedge delay) fire in real time, while
/// what is measured on the clock (the circuit's break) can be skipped instead of waited for.
/// </summary>
internal sealed class SkippingTimeProvider : TimeProvider
{
    private long _skippedTicks;

    public void Skip(TimeSpan time) => Interlocked.Add(ref _skippedTicks, time.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    public override long GetTimestamp() =>
        System.GetTimestamp() + (long)(Interlocked.Read(ref _skippedTicks) * (double)TimestampFrequency / TimeSpan.TicksPerSecond);
}
