namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>
/// Successes and failures over a sliding sampling duration, kept in a few buckets as in Polly's
/// <c>RollingHealthMetrics</c>. Not thread-safe: the controller's lock guards it.
/// </summary>
internal sealed class RollingHealthMetrics
{
    internal const int NumberOfWindows = 10;

    private readonly Queue<Window> _windows = new();
    private readonly TimeSpan _samplingDuration;
    private readonly TimeSpan _windowDuration;
    private readonly TimeProvider _timeProvider;
    private Window? _current;

    public RollingHealthMetrics(TimeSpan samplingDuration, TimeProvider timeProvider)
    {
        _samplingDuration = samplingDuration;
        _windowDuration = samplingDuration / NumberOfWindows;
        _timeProvider = timeProvider;
    }

    public void IncrementSuccess() => UpdateCurrentWindow().Successes++;

    public void IncrementFailure() => UpdateCurrentWindow().Failures++;

    public void Reset()
    {
        _current = null;
        _windows.Clear();
    }

    public HealthInfo GetHealthInfo()
    {
        UpdateCurrentWindow();
        int successes = 0, failures = 0;
        foreach (var window in _windows)
        {
            successes += window.Successes;
            failures += window.Failures;
        }

        return HealthInfo.Create(successes, failures);
    }

    private Window UpdateCurrentWindow()
    {
        var now = _timeProvider.GetTimestamp();
        if (_current is null || _timeProvider.GetElapsedTime(_current.StartedAt, now) >= _windowDuration)
        {
            _current = new Window(now);
            _windows.Enqueue(_current);
        }

        while (_timeProvider.GetElapsedTime(_windows.Peek().StartedAt, now) >= _samplingDuration)
        {
            _windows.Dequeue();
        }

        return _current;
    }

    private sealed class Window(long startedAt)
    {
        public long StartedAt { get; } = startedAt;

        public int Successes { get; set; }

        public int Failures { get; set; }
    }
}
