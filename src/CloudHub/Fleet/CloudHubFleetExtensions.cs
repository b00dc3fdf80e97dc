using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Registers fleet management: the embedded broker or the external-broker link, registry, desired state, model distribution, rollouts and the admin API.</summary>
public static class CloudHubFleetExtensions
{
    public static WebApplicationBuilder AddCloudHubFleet(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(FleetMarker)))
        {
            return builder;
        }

        services.AddSingleton<FleetMarker>();
        services.AddOptionsWithValidateOnStart<FleetHubOptions>().BindConfiguration(FleetHubOptions.Section).ValidateDataAnnotations();
        if (!builder.Configuration.GetValue($"{FleetHubOptions.Section}:{nameof(FleetHubOptions.Enabled)}", true))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new HubDatabase(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDir));
        services.TryAddSingleton<DeviceRegistry>();
        services.TryAddSingleton<FleetCounters>();
        services.TryAddSingleton<CommandTracker>();
        services.TryAddSingleton<FleetIntake>();
        services.TryAddSingleton<DesiredStateService>();
        services.TryAddSingleton<FleetModelRegistry>();
        services.TryAddSingleton<FleetCommandSender>();
        services.TryAddSingleton(static sp => new RolloutDependencies(
            sp.GetRequiredService<DesiredStateService>(), sp.GetRequiredService<DeviceRegistry>(), sp.GetRequiredService<FleetModelRegistry>(),
            sp.GetRequiredService<FleetCommandSender>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RolloutManager>>()));
        services.TryAddSingleton<RolloutManager>();

        if (builder.Configuration.GetValue($"{HubOptions.Section}:Mqtt:{nameof(HubMqttOptions.Embedded)}", true))
        {
            services.TryAddSingleton<EmbeddedFleetBroker>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubOptions>, FleetBrokerTlsValidator>());
            services.TryAddSingleton<IFleetBroker>(static sp => sp.GetRequiredService<EmbeddedFleetBroker>());
            services.AddHostedService(static sp => Started(sp, sp.GetRequiredService<EmbeddedFleetBroker>()));
        }
        else
        {
            services.TryAddSingleton<ExternalFleetBroker>();
            services.TryAddSingleton<IFleetBroker>(static sp => sp.GetRequiredService<ExternalFleetBroker>());
            services.AddHostedService(static sp => Started(sp, sp.GetRequiredService<ExternalFleetBroker>()));
        }

        services.AddHostedService<RegistryFlusher>();
        return builder;
    }

    public static WebApplication MapCloudHubFleet(this WebApplication app)
    {
        if (app.Services.GetService<DeviceRegistry>() is null)
        {
            return app;
        }

        app.MapGrpcService<ModelDistributionService>();
        app.MapFleetAdmin();
        return app;
    }

    /// <summary>Resolves the desired-state service first, so its republish-on-connect handler is in place before the broker starts.</summary>
    private static T Started<T>(IServiceProvider services, T broker)
        where T : IHostedService
    {
        services.GetRequiredService<DesiredStateService>();
        return broker;
    }

    private sealed class FleetMarker;
}
