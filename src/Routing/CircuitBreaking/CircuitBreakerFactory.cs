using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.CircuitBreaking;

internal sealed class CircuitBreakerFactory(IOptionsMonitor<CircuitBreakerOptions> options, TimeProvider timeProvider)
    : ICircuitBreakerFactory
{
    public ICircuitBreaker Create(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new CircuitStateController(name, options.CurrentValue, timeProvider);
    }
}
