using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// One <see cref="TimeProviderTokenBucket"/> per caller id (<see cref="RateLimitOptions.Burst"/> permits, refilled at
/// <see cref="RateLimitOptions.PermitsPerSecond"/>). Only authenticated callers get a bucket, so their number is
/// bounded by the credentials issued.
/// </summary>
public sealed class CallerRateLimiter(RateLimitOptions options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options = options;
    private readonly TimeProvider _time = time;

    /// <summary>Takes one permit for <paramref name="callerId"/>; false with the wait (whole seconds, at least 1) when the bucket is empty.</summary>
    public bool TryAcquire(string callerId, out TimeSpan retryAfter)
    {
        var bucket = _buckets.GetOrAdd(callerId, static (_, self) => new TimeProviderTokenBucket(self._options.Burst, self._options.PermitsPerSecond, self._time), this);
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        return false;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
