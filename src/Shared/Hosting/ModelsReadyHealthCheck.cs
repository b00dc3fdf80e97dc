using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeCloud.Shared.Hosting;

/// <summary>grpc.health.v1: SERVING once the server's start-up model load has finished.</summary>
public sealed class ModelsReadyHealthCheck(IInferenceServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(server.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("models are still loading"));
}
