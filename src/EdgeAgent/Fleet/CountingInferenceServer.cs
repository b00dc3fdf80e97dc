using System.Diagnostics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>Counts inference outcomes for fleet telemetry (error rate drives rollout aborts); a caller's bad request is not an error of the device.</summary>
internal sealed class CountingInferenceServer(IInferenceServer inner, FleetTelemetryCounters counters) : IInferenceServer
{
    public string Name => inner.Name;

    public string Version => inner.Version;

    public bool IsReady => inner.IsReady;

    public IReadOnlyList<string> Extensions => inner.Extensions;

    public bool IsModelReady(string name, string? version) => inner.IsModelReady(name, version);

    public ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken) =>
        inner.GetModelMetadataAsync(name, version, cancellationToken);

    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await inner.InferAsync(request, cancellationToken);
            counters.Record(success: true, started);
            return response;
        }
        catch (InferenceException ex) when (ex.Code is not (InferenceErrorCode.InvalidArgument or InferenceErrorCode.NotFound))
        {
            counters.Record(success: false, started);
            throw;
        }
    }

    public IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly) => inner.RepositoryIndex(readyOnly);

    public ValueTask LoadModelAsync(string name, CancellationToken cancellationToken) => inner.LoadModelAsync(name, cancellationToken);

    public ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken) => inner.UnloadModelAsync(name, cancellationToken);
}
