using EdgeCloud.EdgeAgent.Jobs;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Durability;

/// <summary>Registers offline operation: start-up recovery, the outbox and its drainer, deferred jobs, and their on-device API.</summary>
public static class EdgeDurabilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbox (<c>Agent:Outbox</c>) drained to the hub, deferred cloud jobs (<c>Agent:Jobs</c>)
    /// and start-up recovery of the data folder, over the agent database (<see cref="EdgeStorageServiceCollectionExtensions.AddEdgeStorage"/>).
    /// Needs the agent's <see cref="AgentOptions"/> and cloud client. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddEdgeDurability(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(EdgeDurabilityMarker)))
        {
            return services;
        }

        services.AddSingleton<EdgeDurabilityMarker>();
        services.AddEdgeStorage();
        services.AddMetrics();

        services.AddOptionsWithValidateOnStart<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>>(
            new KeyedOptionsValidator<OutboxOptions>(new OutboxOptionsValidator(), OutboxOptions.SectionName)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsRules>());
        services.AddOptionsWithValidateOnStart<DeferredJobOptions>().BindConfiguration(DeferredJobOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeferredJobOptions>>(
            new KeyedOptionsValidator<DeferredJobOptions>(new DeferredJobOptionsValidator(), DeferredJobOptions.SectionName)));

        services.TryAddSingleton<SqliteOutbox>();
        services.TryAddSingleton<IOutbox>(static sp => sp.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<IEventPublisher, GrpcEventPublisher>();
        services.TryAddSingleton<HubReachability>();
        services.TryAddSingleton<OutboxDrainer>();
        services.TryAddSingleton<DeferredJobStore>();
        services.TryAddSingleton<DeferredJobs>();
        services.TryAddSingleton<DeferredJobRunner>();

        services.AddHostedService<DurabilityStartup>();
        services.AddHostedService(static sp => sp.GetRequiredService<OutboxDrainer>());
        services.AddHostedService(static sp => sp.GetRequiredService<DeferredJobRunner>());
        return services;
    }

    /// <summary>
    /// Maps <c>POST /edgecloud/v1/events</c>, <c>GET /edgecloud/v1/outbox</c>, <c>GET /edgecloud/v1/jobs/{id}</c>
    /// and the gRPC <c>edgecloud.events.AgentEvents</c> service.
    /// </summary>
    public static IEndpointRouteBuilder MapEdgeDurabilityApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOutboxApi();
        endpoints.MapGrpcService<AgentEventsGrpcService>();
        endpoints.MapJobsApi();
        return endpoints;
    }

    private sealed class EdgeDurabilityMarker;
}
