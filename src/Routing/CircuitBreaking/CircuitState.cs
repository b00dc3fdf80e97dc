namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>The state of a circuit breaker, as in Polly's <c>CircuitState</c>.</summary>
public enum CircuitState
{
    /// <summary>Requests flow; outcomes are sampled.</summary>
    Closed,

    /// <summary>Requests are blocked until the break duration has elapsed.</summary>
    Open,

    /// <summary>One probe request is let through; its outcome closes or reopens the circuit.</summary>
    HalfOpen,

    /// <summary>Held open by hand until <see cref="ICircuitBreaker.Close"/> is called.</summary>
    Isolated,
}
