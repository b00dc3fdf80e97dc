using EdgeCloud.Routing;
using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

// The YARP convention: DI entry points live in the DI namespace; the class name is unique to avoid
// clashing with ASP.NET Core's RoutingServiceCollectionExtensions in the same namespace.
/// <summary>Registers EdgeCloud routing: the edge route policy, backend policies, health and circuit breakers.</summary>
public static class EdgeCloudRoutingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEdgeRoutePolicy"/>, <see cref="ILatencyEstimator"/>, the built-in
    /// <see cref="IBackendPolicy"/> implementations with <see cref="IBackendPolicyRegistry"/>,
    /// <see cref="IPassiveHealthPolicy"/>, <see cref="IActiveHealthTracker"/> and
    /// <see cref="ICircuitBreakerFactory"/>, with their options validated on start. Uses
    /// <see cref="TimeProvider.System"/> and <see cref="Random.Shared"/> unless those seams are already
    /// registered. Safe to call more than once.
    /// </summary>
    public static IEdgeCloudRoutingBuilder AddEdgeCloudRouting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(RoutingMarker)))
        {
            return new EdgeCloudRoutingBuilder(services);
        }

        services.AddSingleton<RoutingMarker>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource>(SystemRandomSource.Instance);

        services.AddOptionsWithValidateOnStart<EdgeRouteOptions, EdgeRouteOptionsValidator>();
        services.AddOptionsWithValidateOnStart<CircuitBreakerOptions, CircuitBreakerOptionsValidator>();
        services.AddOptionsWithValidateOnStart<PassiveHealthOptions, PassiveHealthOptionsValidator>();
        services.AddOptionsWithValidateOnStart<ActiveHealthOptions, ActiveHealthOptionsValidator>();
        services.AddOptionsWithValidateOnStart<ConsistentHashOptions, ConsistentHashOptionsValidator>();
        services.AddOptionsWithValidateOnStart<WeightedScoreOptions, WeightedScoreOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeightedScoreOptions>, WeightedScoreOptionsRulesValidator>());

        services.TryAddSingleton<ILatencyEstimator, LatencyEstimator>();
        services.TryAddSingleton<IEdgeRoutePolicy, EdgeRoutePolicy>();

        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IBackendPolicy, RoundRobinPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, WeightedRoundRobinPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, LeastOutstandingPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, PowerOfTwoChoicesPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, ConsistentHashBoundedLoadPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, EwmaLatencyPolicy>(),
            ServiceDescriptor.Singleton<IBackendPolicy, WeightedScorePolicy>(),
        ]);
        services.TryAddSingleton<IBackendPolicyRegistry, BackendPolicyRegistry>();

        services.TryAddSingleton<IPassiveHealthPolicy, FailureRateHealthPolicy>();
        services.TryAddSingleton<IActiveHealthTracker, ActiveHealthTracker>();
        services.TryAddSingleton<ICircuitBreakerFactory, CircuitBreakerFactory>();

        return new EdgeCloudRoutingBuilder(services);
    }

    /// <summary>Marks a collection routing was already added to, as Polly's marker descriptor does.</summary>
    private sealed class RoutingMarker;
}
