namespace EdgeCloud.Routing.Health;

/// <summary>
/// One backend's request outcomes over a sliding window (YARP's <c>ProxiedRequestHistory</c>), kept in
/// buckets of 1/<see cref="BucketsPerWindow"/> of the window so memory stays bounded at any request rate.
/// </summary>
internal sealed class RequestHistory
{
    internal const int BucketsPerWindow = 60;

    private readonly Lock _lock = new();
    private readonly Queue<Bucket> _buckets = new();
    private Bucket? _current;
    private int _total;
    private int _failures;

    /// <summary>Adds an outcome, drops buckets older than the window, and returns the window's totals.</summary>
    public (int Total, double FailureRate) Add(bool failed, TimeSpan window, TimeProvider timeProvider)
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            while (_buckets.TryPeek(out var oldest) && timeProvider.GetElapsedTime(oldest.StartedAt, now) > window)
            {
                _buckets.Dequeue();
                _total -= oldest.Total;
                _failures -= oldest.Failures;
            }

            if (_buckets.Count == 0 || timeProvider.GetElapsedTime(_current!.StartedAt, now) >= window / BucketsPerWindow)
            {
                _current = new Bucket(now);
                _buckets.Enqueue(_current);
            }

            var current = _current!;
            current.Total++;
            _total++;
            if (failed)
            {
                current.Failures++;
                _failures++;
            }

            return (_total, _failures / (double)_total);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _buckets.Clear();
            _current = null;
            _total = 0;
            _failures = 0;
        }
    }

    private sealed class Bucket(long startedAt)
    {
        public long StartedAt { get; } = startedAt;

        public int Total { get; set; }

        public int Failures { get; set; }
    }
}
