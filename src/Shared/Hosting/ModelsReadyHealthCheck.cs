using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeCloud.Shared.Hosting;

/// <summary>grpc.health.v1: SERVING when the server says it is ready (its start-up model load finished, and for a strict hub every model loaded).</summary>
public sealed class ModelsReadyHealthCheck(IInferenceServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(server.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("models are still loading, or (strict readiness) one failed to load: see the repository index"));
}
