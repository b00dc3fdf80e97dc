namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>Creates per-endpoint circuit breakers from the current <see cref="CircuitBreakerOptions"/>.</summary>
public interface ICircuitBreakerFactory
{
    /// <summary>Creates a closed circuit breaker named <paramref name="name"/> (usually the backend id).</summary>
    ICircuitBreaker Create(string name);
}
