namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>A read-only view of a circuit, for routing decisions and health endpoints.</summary>
public interface ICircuitStateProvider
{
    /// <summary>
    /// The current state. An open circuit whose break duration has elapsed reads as
    /// <see cref="CircuitState.HalfOpen"/>: the next <see cref="ICircuitBreaker.TryAcquire"/> admits a probe.
    /// </summary>
    CircuitState State { get; }

    /// <summary>
    /// How long until the circuit admits a request (the time until half-open): zero when a request
    /// would be admitted now, <see cref="Timeout.InfiniteTimeSpan"/> while isolated.
    /// </summary>
    TimeSpan RetryAfter { get; }
}
