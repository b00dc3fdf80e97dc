using EdgeCloud.Routing;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Exponential backoff with ±20% jitter, capped: min, 2·min, 4·min … max.</summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max, IRandomSource random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ticks * (0.8 + (0.4 * random.NextDouble()))));
    }
}
