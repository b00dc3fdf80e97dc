namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// Peak-sensitive, time-decayed EWMA of latency (Finagle's PeakEwma): a sample above the average
/// replaces it at once, a lower one blends in with weight 1 − e^(−Δt/τ).
/// </summary>
internal sealed class PeakEwma(TimeProvider timeProvider, TimeSpan decayTime)
{
    private readonly Lock _lock = new();
    private double _costMs;
    private long _stamp;
    private bool _hasSample;

    /// <summary>The current average in milliseconds; zero before the first sample.</summary>
    public double ValueMs
    {
        get
        {
            lock (_lock)
            {
                return _costMs;
            }
        }
    }

    public void Add(TimeSpan latency)
    {
        var sampleMs = latency.TotalMilliseconds;
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            if (!_hasSample || sampleMs > _costMs)
            {
                _costMs = sampleMs;
            }
            else
            {
                var elapsed = timeProvider.GetElapsedTime(_stamp, now);
                var weight = Math.Exp(-elapsed / decayTime);
                _costMs = (_costMs * weight) + (sampleMs * (1 - weight));
            }

            _stamp = now;
            _hasSample = true;
        }
    }
}
