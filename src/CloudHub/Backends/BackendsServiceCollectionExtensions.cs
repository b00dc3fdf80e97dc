using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// Registers forwarding to remote backends over src/Routing, with the routing options bound under
/// <c>Hub:Routing</c> (<c>CircuitBreaker</c>, <c>PassiveHealth</c>, <c>ActiveHealth</c>, <c>ConsistentHash</c>, <c>WeightedScore</c>).
/// </summary>
internal static class BackendsServiceCollectionExtensions
{
    public const string RoutingSection = "Hub:Routing";

    public static IServiceCollection AddHubBackends(this IServiceCollection services)
    {
        services.AddEdgeCloudRouting();
        services.AddOptions<CircuitBreakerOptions>().BindConfiguration($"{RoutingSection}:CircuitBreaker");
        services.AddOptions<PassiveHealthOptions>().BindConfiguration($"{RoutingSection}:PassiveHealth");
        services.AddOptions<ActiveHealthOptions>().BindConfiguration($"{RoutingSection}:ActiveHealth");
        services.AddOptions<ConsistentHashOptions>().BindConfiguration($"{RoutingSection}:ConsistentHash");
        services.AddOptions<WeightedScoreOptions>().BindConfiguration($"{RoutingSection}:WeightedScore");

        services.AddOptionsWithValidateOnStart<RemoteBackendsOptions>().BindConfiguration(RemoteBackendsOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteBackendsOptions>, RemoteBackendsOptionsValidator>());
        services.TryAddSingleton<RemoteBackendRegistry>();
        services.TryAddSingleton<IBackendProbe, GrpcBackendProbe>();
        services.AddHostedService<BackendHealthProbeService>();
        return services;
    }
}
