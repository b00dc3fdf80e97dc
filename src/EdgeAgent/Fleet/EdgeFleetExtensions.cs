using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// Registers the agent's fleet management when <c>Agent:Mqtt:Host</c> is set: the MQTT channel, desired
/// state (hot config through <see cref="FleetConfigurationSource"/>), model updates and telemetry.
/// </summary>
public static class EdgeFleetExtensions
{
    public static WebApplicationBuilder AddEdgeFleet(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(FleetConfigurationSource)))
        {
            return builder;
        }

        var source = new FleetConfigurationSource();
        ((IConfigurationBuilder)builder.Configuration).Add(source);
        services.AddSingleton(source);
        services.AddOptionsWithValidateOnStart<AgentMqttOptions>().BindConfiguration(AgentMqttOptions.Section).ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentMqttOptions>, AgentMqttOptionsValidator>());
        if (string.IsNullOrEmpty(builder.Configuration[$"{AgentMqttOptions.Section}:{nameof(AgentMqttOptions.Host)}"]))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FleetStateStore>();
        services.TryAddSingleton<IBirthSequence>(static sp => sp.GetRequiredService<FleetStateStore>());
        services.TryAddSingleton<DesiredConfigValidator>();
        services.TryAddSingleton<ModelDownloader>();
        services.TryAddSingleton<ModelUpdater>();
        services.TryAddSingleton<FleetTelemetryCounters>();
        services.TryAddSingleton<FleetAgentCounters>();
        services.TryAddSingleton<FleetAgent>();
        services.TryAddSingleton<IFleetMessageHandler>(static sp => sp.GetRequiredService<FleetAgent>());
        services.TryAddSingleton<MqttFleetChannel>();
        services.TryAddSingleton<IFleetChannel>(static sp => sp.GetRequiredService<MqttFleetChannel>());
        services.AddHostedService(static sp => sp.GetRequiredService<FleetAgent>());
        services.AddHostedService(static sp => sp.GetRequiredService<MqttFleetChannel>());

        var server = services.LastOrDefault(static d => d.ServiceType == typeof(IInferenceServer));
        if (server?.ImplementationType is { } implementation)
        {
            services.Replace(ServiceDescriptor.Singleton<IInferenceServer>(sp =>
                new CountingInferenceServer((IInferenceServer)ActivatorUtilities.CreateInstance(sp, implementation), sp.GetRequiredService<FleetTelemetryCounters>())));
        }

        return builder;
    }
}
