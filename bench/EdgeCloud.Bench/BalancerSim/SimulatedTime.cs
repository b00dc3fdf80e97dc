namespace EdgeCloud.Bench.BalancerSim;

/// <summary>The simulation's clock: time moves only when the event loop moves it (nanosecond timestamps).</summary>
internal sealed class SimulatedTime : TimeProvider
{
    public const long TicksPerSecond = 1_000_000_000;

    public long Now { get; set; }

    public override long TimestampFrequency => TicksPerSecond;

    public override long GetTimestamp() => Now;

    public static long FromSeconds(double seconds) => (long)(seconds * TicksPerSecond);

    public static double ToMilliseconds(long ticks) => ticks * 1e3 / TicksPerSecond;
}
