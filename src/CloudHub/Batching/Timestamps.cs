namespace EdgeCloud.CloudHub.Batching;

/// <summary>Arithmetic on <see cref="TimeProvider.GetTimestamp"/> values.</summary>
internal static class Timestamps
{
    public static long Add(TimeProvider time, long timestamp, TimeSpan delay)
    {
        var ticks = delay.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond);
        return ticks >= long.MaxValue - timestamp ? long.MaxValue : timestamp + (long)Math.Ceiling(ticks);
    }
}
