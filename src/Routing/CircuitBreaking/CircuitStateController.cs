namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>
/// Holds one circuit's state under one lock, as Polly's <c>CircuitStateController</c> does. Methods
/// suffixed <c>_NeedsLock</c> run with the lock held; they return the callback to run after it is
/// released, so user callbacks never run under the lock.
/// </summary>
internal sealed class CircuitStateController : ICircuitBreaker
{
    private readonly Lock _lock = new();
    private readonly CircuitBreakerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RollingHealthMetrics _metrics;
    private CircuitState _state = CircuitState.Closed;
    private long _blockedUntil;

    public CircuitStateController(string name, CircuitBreakerOptions options, TimeProvider timeProvider)
    {
        Name = name;
        _options = options;
        _timeProvider = timeProvider;
        _metrics = new RollingHealthMetrics(options.SamplingDuration, timeProvider);
    }

    public string Name { get; }

    public CircuitState State
    {
        get
        {
            lock (_lock)
            {
                return _state == CircuitState.Open && IsProbePermitted_NeedsLock() ? CircuitState.HalfOpen : _state;
            }
        }
    }

    public TimeSpan RetryAfter
    {
        get
        {
            lock (_lock)
            {
                return _state switch
                {
                    CircuitState.Closed => TimeSpan.Zero,
                    CircuitState.Isolated => Timeout.InfiniteTimeSpan,
                    _ => _timeProvider.GetTimeUntil(_blockedUntil),
                };
            }
        }
    }

    /// <summary>For tests: whether the calling thread holds the lock (callbacks must see <see langword="false"/>).</summary>
    internal bool IsLockHeldByCurrentThread => _lock.IsHeldByCurrentThread;

    public bool TryAcquire()
    {
        Action? callback = null;
        bool admitted;
        lock (_lock)
        {
            if (_state is CircuitState.Open or CircuitState.HalfOpen && IsProbePermitted_NeedsLock())
            {
                // One probe per break duration: block the others until it reports or the break elapses again.
                _blockedUntil = _timeProvider.AddToTimestamp(_timeProvider.GetTimestamp(), _options.BreakDuration);
                callback = _state == CircuitState.Open ? Transition_NeedsLock(CircuitState.HalfOpen, manual: false) : null;
                admitted = true;
            }
            else
            {
                admitted = _state == CircuitState.Closed;
            }
        }

        callback?.Invoke();
        return admitted;
    }

    public void RecordSuccess()
    {
        Action? callback = null;
        lock (_lock)
        {
            _metrics.IncrementSuccess();
            if (_state == CircuitState.HalfOpen)
            {
                callback = CloseCircuit_NeedsLock(manual: false);
            }
        }

        callback?.Invoke();
    }

    public void RecordFailure()
    {
        Action? callback = null;
        lock (_lock)
        {
            _metrics.IncrementFailure();
            if (_state == CircuitState.HalfOpen)
            {
                callback = OpenCircuit_NeedsLock();
            }
            else if (_state == CircuitState.Closed && ShouldBreak_NeedsLock())
            {
                callback = OpenCircuit_NeedsLock();
            }
        }

        callback?.Invoke();
    }

    public void Isolate()
    {
        Action? callback;
        lock (_lock)
        {
            _blockedUntil = long.MaxValue;
            callback = _state == CircuitState.Isolated ? null : Transition_NeedsLock(CircuitState.Isolated, manual: true);
        }

        callback?.Invoke();
    }

    public void Close()
    {
        Action? callback;
        lock (_lock)
        {
            callback = CloseCircuit_NeedsLock(manual: true);
        }

        callback?.Invoke();
    }

    private bool IsProbePermitted_NeedsLock() => _timeProvider.GetTimestamp() >= _blockedUntil;

    private bool ShouldBreak_NeedsLock()
    {
        var health = _metrics.GetHealthInfo();
        return health.Throughput >= _options.MinimumThroughput && health.FailureRate >= _options.FailureRatio;
    }

    private Action? OpenCircuit_NeedsLock()
    {
        _blockedUntil = _timeProvider.AddToTimestamp(_timeProvider.GetTimestamp(), _options.BreakDuration);
        return Transition_NeedsLock(CircuitState.Open, manual: false);
    }

    private Action? CloseCircuit_NeedsLock(bool manual)
    {
        _blockedUntil = 0;
        _metrics.Reset();
        return _state == CircuitState.Closed ? null : Transition_NeedsLock(CircuitState.Closed, manual);
    }

    private Action? Transition_NeedsLock(CircuitState newState, bool manual)
    {
        var previous = _state;
        _state = newState;
        var handler = newState switch
        {
            CircuitState.Closed => _options.OnClosed,
            CircuitState.HalfOpen => _options.OnHalfOpened,
            _ => _options.OnOpened,
        };
        if (handler is null)
        {
            return null;
        }

        var breakDuration = newState == CircuitState.Open ? _options.BreakDuration : (TimeSpan?)null;
        var change = new CircuitStateChange(Name, previous, newState, breakDuration, manual);
        return () => handler(change);
    }
}
