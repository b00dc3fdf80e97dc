using System.Net;
using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.EdgeAgent.Durability;
using EdgeCloud.EdgeAgent.Fleet;
using EdgeCloud.EdgeAgent.Models;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.EdgeAgent.Serving;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent;

/// <summary>Registers the agent's services and its on-device API.</summary>
public static class EdgeAgentBuilderExtensions
{
    public static WebApplicationBuilder AddEdgeAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.AddV2InferenceServer(builder.Configuration, AgentOptions.Section, new AgentOptions().MaxRequestBytes);
        services.AddOptions<EdgeRouteOptions>().BindConfiguration($"{AgentOptions.Section}:Routing");

        services.TryAddSingleton(TimeProvider.System);
        services.AddEdgeCloudRouting();
        services.AddEdgeStorage();
        services.AddEdgeDurability();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            var localRoot = Path.Combine(Path.GetFullPath(options.DataDir), "models");
            LocalModelSeeder.Seed(options.ModelRepository, localRoot);
            // Agent:Inference:Variant:{model} (e.g. fp32) pins a variant; unset, the variant preferring the provider wins.
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new ModelStore(
                localRoot,
                sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
                name => configuration[$"{AgentOptions.Section}:Inference:Variant:{name}"]);
        });
        services.TryAddSingleton<ModelCatalog>();
        services.TryAddSingleton(sp => new ModelStoreStartup(
            sp.GetRequiredService<ModelStore>(),
            sp.GetRequiredService<ModelCatalog>().EdgeModels(),
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetRequiredService<ILogger<ModelStoreStartup>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ModelStoreStartup>());
        services.TryAddSingleton<CloudClient>();
        services.TryAddSingleton<CloudLatencyWindow>();
        services.TryAddSingleton<AgentInferenceServer>();
        services.TryAddSingleton<IInferenceServer, Outbox.RecordingInferenceServer>(); // AgentInferenceServer + opt-in inference records
        builder.AddEdgeFleet();
        builder.AddAgentSecurity();


        builder.WebHost.ConfigureKestrel((_, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<AgentOptions>>().Value;
            var address = IPAddress.Parse(options.BindAddress);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Listen(address, options.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.HttpPort, l => l.Protocols = HttpProtocols.Http1);
        });
        return builder;
    }

    public static WebApplication MapEdgeAgent(this WebApplication app)
    {
        app.UseGrpcMessageSizeLimitOnly();
        app.UseAgentSecurity();
        app.MapV2InferenceServer();
        app.MapEdgeDurabilityApi();
        return app;
    }
}
