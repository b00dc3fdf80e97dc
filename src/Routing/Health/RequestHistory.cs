namespace EdgeCloud.Routing.Health;

/// <summary>One backend's request outcomes over a sliding window (YARP's <c>ProxiedRequestHistory</c>).</summary>
internal sealed class RequestHistory
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Timestamp, bool Failed)> _outcomes = new();
    private int _failures;

    /// <summary>Adds an outcome, drops those older than the window, and returns the window's totals.</summary>
    public (int Total, double FailureRate) Add(bool failed, TimeSpan window, TimeProvider timeProvider)
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            _outcomes.Enqueue((now, failed));
            _failures += failed ? 1 : 0;
            while (timeProvider.GetElapsedTime(_outcomes.Peek().Timestamp, now) > window)
            {
                _failures -= _outcomes.Dequeue().Failed ? 1 : 0;
            }

            return (_outcomes.Count, _failures / (double)_outcomes.Count);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _outcomes.Clear();
            _failures = 0;
        }
    }
}
