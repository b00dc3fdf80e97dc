using EdgeCloud.Protocol;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>One endpoint serving one model: its shared routing state and its gRPC client.</summary>
internal sealed class RemoteBackend(
    string model, string remoteModel, BackendState state, GRPCInferenceService.GRPCInferenceServiceClient client, TimeSpan probeTimeout)
{
    /// <summary>The model's name on this hub.</summary>
    public string Model { get; } = model;

    /// <summary>The model's name on the backend.</summary>
    public string RemoteModel { get; } = remoteModel;

    public BackendState State { get; } = state;

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; } = client;

    public TimeSpan ProbeTimeout { get; } = probeTimeout;

    public string Id => State.Id;
}
