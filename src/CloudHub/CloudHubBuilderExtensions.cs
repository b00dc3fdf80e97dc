using System.Net;
using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Events;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.CloudHub.Security;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub;

/// <summary>Registers the hub's services and endpoints.</summary>
public static class CloudHubBuilderExtensions
{
    public static WebApplicationBuilder AddCloudHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<HubOptions>()
            .BindConfiguration(HubOptions.Section)
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubOptions>, HubOptionsValidator>());
        services.AddV2InferenceServer(builder.Configuration, HubOptions.Section, new HubOptions().MaxRequestBytes);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ModelStore(
            Path.GetFullPath(sp.GetRequiredService<IOptions<HubOptions>>().Value.ModelRepository),
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value));
        services.TryAddSingleton(sp => new ModelStoreStartup(
            sp.GetRequiredService<ModelStore>(),
            sp.GetRequiredService<IOptions<HubOptions>>().Value.LoadModels,
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetRequiredService<ILogger<ModelStoreStartup>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ModelStoreStartup>());
        services.TryAddSingleton<IInferenceServer, HubInferenceServer>();
        services.AddHubBatching();
        services.AddHubBackends();
        services.AddHubMetrics();

        builder.AddCloudHubFleet();
        builder.AddHubSecurity();
        services.AddHubEvents();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<HubOptions>>().Value;
            var address = IPAddress.Parse(options.BindAddress);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Listen(address, options.GrpcPort, l =>
            {
                l.Protocols = HttpProtocols.Http2;
                HubTls.Configure(l, options.Security);
            });
            kestrel.Listen(address, options.HttpPort, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                HubTls.Configure(l, options.Security);
            });
        });
        return builder;
    }

    public static WebApplication MapCloudHub(this WebApplication app)
    {
        app.UseGrpcMessageSizeLimitOnly();
        app.UseHubSecurity();
        app.MapV2InferenceServer();
        app.MapHubMetrics();
        app.MapCloudHubFleet();
        app.MapHubEvents();
        return app;
    }
}
