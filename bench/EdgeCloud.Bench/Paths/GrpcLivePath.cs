using EdgeCloud.Bench.Measurement;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.Paths;

/// <summary>ServerLive over the same gRPC channel: a unary call the hub answers without touching a model (transport floor).</summary>
internal sealed class GrpcLivePath(GRPCInferenceService.GRPCInferenceServiceClient client) : ILatencyPath
{
    private static readonly ServerLiveRequest Request = new();

    public string Name => "hub gRPC ServerLive (no model: transport floor)";

    public PathRole Role => PathRole.TransportFloor;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken) =>
        await client.ServerLiveAsync(Request, cancellationToken: cancellationToken);

    public ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) => ValueTask.FromResult<double?>(null);
}
