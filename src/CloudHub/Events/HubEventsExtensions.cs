using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCloud.CloudHub.Events;

/// <summary>Registers the hub's side of the agents' store-and-forward outbox.</summary>
public static class HubEventsExtensions
{
    /// <summary>Adds the event store (<c>{Hub:DataDir}/events.db</c>), opened at start. Safe to call twice.</summary>
    public static IServiceCollection AddHubEvents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(HubEventStore)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubEventStore>();
        services.AddSingleton<DeviceAuditIngest>();
        services.AddHostedService<HubEventsStartup>();
        return services;
    }

    /// <summary>Maps the <c>edgecloud.events.EventIngest</c> gRPC service.</summary>
    public static IEndpointRouteBuilder MapHubEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<EventIngestService>();
        return endpoints;
    }
}
