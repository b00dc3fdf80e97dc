using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Health;

/// <summary>One backend's probe schedule and its run of consecutive probe results.</summary>
internal sealed class ActiveHealthState
{
    private readonly Lock _lock = new();
    private long? _lastProbe;
    private int _consecutiveSuccesses;
    private int _consecutiveFailures;

    /// <summary>How long until a probe is due at <paramref name="now"/>; zero when due.</summary>
    public TimeSpan DueIn(long now, TimeSpan interval, TimeProvider timeProvider)
    {
        lock (_lock)
        {
            return DueIn_NeedsLock(now, interval, timeProvider);
        }
    }

    /// <summary>Stamps a probe as started at <paramref name="now"/> if one is due.</summary>
    public bool TryStartProbe(long now, TimeSpan interval, TimeProvider timeProvider)
    {
        lock (_lock)
        {
            if (DueIn_NeedsLock(now, interval, timeProvider) > TimeSpan.Zero)
            {
                return false;
            }

            _lastProbe = now;
            return true;
        }
    }

    /// <summary>Counts a result; returns the new health once a threshold is reached, else <see langword="null"/>.</summary>
    public BackendHealth? Record(bool healthy, int healthyThreshold, int unhealthyThreshold)
    {
        lock (_lock)
        {
            if (healthy)
            {
                (_consecutiveSuccesses, _consecutiveFailures) = (_consecutiveSuccesses + 1, 0);
                return _consecutiveSuccesses >= healthyThreshold ? BackendHealth.Healthy : null;
            }

            (_consecutiveSuccesses, _consecutiveFailures) = (0, _consecutiveFailures + 1);
            return _consecutiveFailures >= unhealthyThreshold ? BackendHealth.Unhealthy : null;
        }
    }

    private TimeSpan DueIn_NeedsLock(long now, TimeSpan interval, TimeProvider timeProvider)
    {
        if (_lastProbe is not { } last)
        {
            return TimeSpan.Zero;
        }

        var remaining = interval - timeProvider.GetElapsedTime(last, now);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
