namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>
/// A per-endpoint circuit breaker. Call <see cref="TryAcquire"/> before a request and report its
/// outcome with <see cref="RecordSuccess"/> or <see cref="RecordFailure"/>; caller cancellations are
/// not reported at all. Thread-safe.
/// </summary>
public interface ICircuitBreaker : ICircuitStateProvider
{
    /// <summary>The name of the circuit, usually the backend id.</summary>
    string Name { get; }

    /// <summary>
    /// Whether a request may be sent now. Closed: always. Open: no, until the break duration has
    /// elapsed, then one probe is admitted and the circuit turns half-open. Isolated: never.
    /// </summary>
    bool TryAcquire();

    /// <summary>Reports a successful request; a successful probe closes a half-open circuit.</summary>
    void RecordSuccess();

    /// <summary>
    /// Reports a failed request; a failed probe reopens a half-open circuit, and a closed circuit
    /// opens once the failure ratio over the sampling window reaches the threshold.
    /// </summary>
    void RecordFailure();

    /// <summary>Opens the circuit by hand and holds it open until <see cref="Close"/>.</summary>
    void Isolate();

    /// <summary>Closes the circuit by hand and forgets the sampled outcomes.</summary>
    void Close();
}
