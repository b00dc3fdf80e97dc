using EdgeCloud.Shared.Inference;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Shared.Hosting;

/// <summary>The v2 serving surface that the hub and the agent both host: its options, gRPC service, health and REST.</summary>
public static class InferenceServerHosting
{
    /// <summary>
    /// Registers <see cref="InferenceOptions"/> from <c>{section}:Inference</c> (validated at start), the gRPC server with
    /// <c>{section}:MaxRequestBytes</c> as its message limit, and grpc.health.v1 reporting model readiness.
    /// </summary>
    public static IServiceCollection AddV2InferenceServer(this IServiceCollection services, IConfiguration configuration, string section, int defaultMaxRequestBytes)
    {
        services.AddOptionsWithValidateOnStart<InferenceOptions>().BindConfiguration($"{section}:Inference").ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = configuration.GetValue($"{section}:MaxRequestBytes", defaultMaxRequestBytes);
            o.MaxSendMessageSize = null;
        });
        services.AddGrpcHealthChecks().AddCheck<ModelsReadyHealthCheck>("models");
        return services;
    }

    /// <summary>Maps the KServe v2 gRPC service, grpc.health.v1 and the v2 REST API (after the host's own middleware).</summary>
    public static WebApplication MapV2InferenceServer(this WebApplication app)
    {
        app.MapGrpcService<InferenceGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapV2Rest();
        return app;
    }
}
