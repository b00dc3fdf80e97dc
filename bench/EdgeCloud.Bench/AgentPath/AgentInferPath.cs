using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Paths;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.AgentPath;

/// <summary>ModelInfer through the agent's on-device gRPC API with a fixed request.</summary>
internal sealed class AgentInferPath(string name, GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest request) : ILatencyPath
{
    public string Name => name;

    public PathRole Role => PathRole.HubGrpc;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken) =>
        await client.ModelInferAsync(request, cancellationToken: cancellationToken);

    public async ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) =>
        RawChecksum.FirstOutput(await client.ModelInferAsync(request, cancellationToken: cancellationToken));
}
