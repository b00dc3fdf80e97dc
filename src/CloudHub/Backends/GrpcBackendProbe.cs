using System.Collections.Frozen;
using EdgeCloud.Protocol;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// Probes with KServe v2 <c>ServerReady</c>, then <c>ModelReady</c> for the backend's model, and
/// reports what it saw (model loaded, round-trip time) to the backend's metrics for the WeightedScore policy.
/// </summary>
internal sealed class GrpcBackendProbe(TimeProvider time) : IBackendProbe
{
    public async Task<bool> ProbeAsync(RemoteBackend backend, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(backend.ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var ready = false;
        double rttMs = 0;
        try
        {
            var started = time.GetTimestamp();
            var server = await backend.Client.ServerReadyAsync(new ServerReadyRequest(), cancellationToken: linked.Token);
            rttMs = time.GetElapsedTime(started).TotalMilliseconds;
            ready = server.Ready
                && (await backend.Client.ModelReadyAsync(new ModelReadyRequest { Name = backend.RemoteModel }, cancellationToken: linked.Token)).Ready;
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            ready = false;
        }

        backend.State.ReportMetrics(backend.State.Metrics with
        {
            LoadedModels = ready ? FrozenSet.Create(StringComparer.Ordinal, backend.Model) : FrozenSet<string>.Empty,
            RttMs = ready ? rttMs : backend.State.Metrics.RttMs,
        });
        return ready;
    }
}
