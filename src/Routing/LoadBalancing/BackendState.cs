using EdgeCloud.Routing.CircuitBreaking;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// The live state of one backend (a GPU worker or a remote KServe v2 endpoint) that the policies,
/// the health policies and the circuit breaker share. Thread-safe.
/// </summary>
public sealed class BackendState
{
    /// <summary>The τ of the peak-EWMA latency: how fast a fall in latency is believed.</summary>
    internal static readonly TimeSpan LatencyDecayTime = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _timeProvider;
    private readonly PeakEwma _latency;
    private BackendMetrics _metrics = BackendMetrics.Empty;
    private int _outstanding;
    private int _weight;
    private int _activeHealth;
    private long _ejectedUntil;
    private double _failureRate;

    /// <summary>Creates the state of a backend.</summary>
    /// <param name="id">A unique, stable id; consistent hashing places keys by it.</param>
    /// <param name="endpoint">The address the host connects to.</param>
    /// <param name="circuit">Its circuit breaker, from <see cref="ICircuitBreakerFactory"/>.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="weight">Its share for weighted round-robin, zero or more. Default 1.</param>
    public BackendState(string id, string endpoint, ICircuitBreaker circuit, TimeProvider timeProvider, int weight = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        Id = id;
        IdHash = StableHash.Hash(id);
        Endpoint = endpoint;
        Circuit = circuit;
        _timeProvider = timeProvider;
        _weight = weight;
        _latency = new PeakEwma(timeProvider, LatencyDecayTime);
    }

    /// <summary>The backend's unique, stable id.</summary>
    public string Id { get; }

    /// <summary>The address the host connects to.</summary>
    public string Endpoint { get; }

    /// <summary>The <see cref="StableHash"/> of <see cref="Id"/>, computed once.</summary>
    internal ulong IdHash { get; }

    /// <summary>The backend's circuit breaker.</summary>
    public ICircuitBreaker Circuit { get; }

    /// <summary>The share for weighted round-robin; zero drains the backend. Default 1.</summary>
    public int Weight
    {
        get => Volatile.Read(ref _weight);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _weight, value);
        }
    }

    /// <summary>Requests sent and not yet ended.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>The peak-EWMA latency in milliseconds; zero before the first sample.</summary>
    public double EwmaLatencyMs => _latency.ValueMs;

    /// <summary>The latest reported metrics.</summary>
    public BackendMetrics Metrics => Volatile.Read(ref _metrics);

    /// <summary>The health from active probes, kept by <see cref="Health.IActiveHealthTracker"/>.</summary>
    public BackendHealth ActiveHealth
    {
        get => (BackendHealth)Volatile.Read(ref _activeHealth);
        internal set => Volatile.Write(ref _activeHealth, (int)value);
    }

    /// <summary>The recent failure rate, 0..1, kept by <see cref="Health.IPassiveHealthPolicy"/>.</summary>
    public double FailureRate
    {
        get => Volatile.Read(ref _failureRate);
        internal set => Volatile.Write(ref _failureRate, value);
    }

    /// <summary>Whether passive health has ejected the backend and its reactivation time is still ahead.</summary>
    public bool IsEjected => _timeProvider.GetTimestamp() < Volatile.Read(ref _ejectedUntil);

    /// <summary>
    /// Whether a policy may pick it: not ejected, not unhealthy by probes, and its circuit closed or
    /// ready for a half-open probe.
    /// </summary>
    public bool IsAvailable =>
        !IsEjected && ActiveHealth != BackendHealth.Unhealthy && Circuit.State is CircuitState.Closed or CircuitState.HalfOpen;

    /// <summary>Counts a request sent to the backend; pair it with <see cref="RequestEnded"/>.</summary>
    public void RequestStarted() => Interlocked.Increment(ref _outstanding);

    /// <summary>Counts a request ended, adding its latency to the EWMA unless <see langword="null"/> (e.g. canceled).</summary>
    public void RequestEnded(TimeSpan? latency)
    {
        Interlocked.Decrement(ref _outstanding);
        if (latency is { } value)
        {
            _latency.Add(value);
        }
    }

    /// <summary>Replaces the reported metrics with a newer snapshot.</summary>
    public void ReportMetrics(BackendMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Volatile.Write(ref _metrics, metrics);
    }

    /// <inheritdoc/>
    public override string ToString() => Id;

    internal void EjectFor(TimeSpan period) =>
        Volatile.Write(ref _ejectedUntil, _timeProvider.AddToTimestamp(_timeProvider.GetTimestamp(), period));
}
