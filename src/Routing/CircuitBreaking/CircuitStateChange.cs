namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>Describes a circuit transition, passed to the callbacks of <see cref="CircuitBreakerOptions"/>.</summary>
/// <param name="CircuitName">The circuit's name, usually the backend id.</param>
/// <param name="PreviousState">The state before the transition.</param>
/// <param name="NewState">The state after the transition.</param>
/// <param name="BreakDuration">How long the circuit stays open; <see langword="null"/> unless it opened.</param>
/// <param name="IsManual">Whether <see cref="ICircuitBreaker.Isolate"/> or <see cref="ICircuitBreaker.Close"/> caused it.</param>
public readonly record struct CircuitStateChange(
    string CircuitName,
    CircuitState PreviousState,
    CircuitState NewState,
    TimeSpan? BreakDuration,
    bool IsManual);
