using EdgeCloud.Bench.Measurement;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.Paths;

/// <summary>ModelInfer on the hub over one reused gRPC channel, inputs in <c>raw_input_contents</c>.</summary>
internal sealed class GrpcInferPath(GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest request) : ILatencyPath
{
    public string Name => "hub gRPC ModelInfer";

    public PathRole Role => PathRole.HubGrpc;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken) =>
        await client.ModelInferAsync(request, cancellationToken: cancellationToken);

    public async ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) =>
        RawChecksum.FirstOutput(await client.ModelInferAsync(request, cancellationToken: cancellationToken));
}
