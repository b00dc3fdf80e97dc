using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>Options of the per-endpoint circuit breakers (see <see cref="ICircuitBreakerFactory"/>).</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>The failure ratio over the sampling window at which the circuit opens. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest requests in the sampling window before the circuit may open. Default 10.</summary>
    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the failure ratio is measured. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a probe is let through. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Called, outside the breaker's lock, when a circuit opens or is isolated.</summary>
    public Action<CircuitStateChange>? OnOpened { get; set; }

    /// <summary>Called, outside the breaker's lock, when a circuit closes.</summary>
    public Action<CircuitStateChange>? OnClosed { get; set; }

    /// <summary>Called, outside the breaker's lock, when a circuit turns half-open to admit a probe.</summary>
    public Action<CircuitStateChange>? OnHalfOpened { get; set; }
}
