using EdgeCloud.Bench.Measurement;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.Paths;

/// <summary>ModelInfer over one reused gRPC channel (to the hub, or to the bare reference server), inputs in <c>raw_input_contents</c>.</summary>
internal sealed class GrpcInferPath(
    GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest request, string name = "hub gRPC ModelInfer", PathRole role = PathRole.HubGrpc) : ILatencyPath
{
    public string Name => name;

    public PathRole Role => role;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken) =>
        await client.ModelInferAsync(request, cancellationToken: cancellationToken);

    public async ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) =>
        RawChecksum.FirstOutput(await client.ModelInferAsync(request, cancellationToken: cancellationToken));
}
