namespace EdgeCloud.Routing;

/// <summary>Arithmetic on <see cref="TimeProvider.GetTimestamp"/> values, which are monotonic.</summary>
internal static class TimestampExtensions
{
    /// <summary>The timestamp <paramref name="delay"/> after <paramref name="timestamp"/>.</summary>
    public static long AddToTimestamp(this TimeProvider timeProvider, long timestamp, TimeSpan delay)
    {
        var ticks = delay.Ticks * (timeProvider.TimestampFrequency / (double)TimeSpan.TicksPerSecond);
        return timestamp + (long)Math.Ceiling(ticks);
    }

    /// <summary>The time left from now until <paramref name="timestamp"/>; zero once it has passed.</summary>
    public static TimeSpan GetTimeUntil(this TimeProvider timeProvider, long timestamp)
    {
        var now = timeProvider.GetTimestamp();
        return now >= timestamp ? TimeSpan.Zero : timeProvider.GetElapsedTime(now, timestamp);
    }
}
