using System.Reflection;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.CloudHub;

/// <summary>The hub's v2 server: models from its repository, run in process on ONNX Runtime.</summary>
internal sealed class HubInferenceServer(ModelStore store, ModelStoreStartup startup) : IInferenceServer
{
    public string Name => "edgecloud-hub";

    public string Version { get; } = typeof(HubInferenceServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public bool IsReady => startup.IsLoaded;

    public IReadOnlyList<string> Extensions { get; } = ["model_repository", "model_repository(unload_dependents)", "streaming", "edgecloud"];

    public bool IsModelReady(string name, string? version) =>
        store.TryGet(name, out var model) && (string.IsNullOrEmpty(version) || version == model.Info.Version);

    public ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken)
    {
        using var lease = store.Acquire(name, version);
        return ValueTask.FromResult(ModelMetadataFactory.From(lease.Model));
    }

    public ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        using var lease = store.Acquire(request.ModelName, request.ModelVersion);
        var response = lease.Model.Session.Run(request, cancellationToken);
        response.Parameters[EdgeCloudParameters.Variant] = new InferParameter { StringParam = lease.Model.Info.Variant };
        response.Parameters[EdgeCloudParameters.ExecutionProvider] = new InferParameter { StringParam = lease.Model.Info.ExecutionProvider };
        return ValueTask.FromResult(response);
    }

    public IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly) =>
        [.. store.Index().Where(e => !readyOnly || e.State == ModelStates.Ready)];

    public ValueTask LoadModelAsync(string name, CancellationToken cancellationToken)
    {
        startup.LoadOne(name);
        return ValueTask.CompletedTask;
    }

    public ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        if (!store.Unload(name))
        {
            throw Shared.Inference.InferenceException.NotFound($"model '{name}' is not loaded; nothing to unload");
        }

        return ValueTask.CompletedTask;
    }
}
