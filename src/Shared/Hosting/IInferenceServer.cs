using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.Shared.Hosting;

/// <summary>
/// What a KServe v2 server serves. The hub and the agent each implement it; the gRPC service and
/// the REST endpoints are written once over it. Failures are <see cref="Inference.InferenceException"/>s.
/// </summary>
public interface IInferenceServer
{
    string Name { get; }

    string Version { get; }

    bool IsReady { get; }

    IReadOnlyList<string> Extensions { get; }

    bool IsModelReady(string name, string? version);

    ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken);

    ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken);

    IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly);

    ValueTask LoadModelAsync(string name, CancellationToken cancellationToken);

    ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken);
}
