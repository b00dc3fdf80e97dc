using System.Reflection;
using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub;

/// <summary>
/// The hub's v2 server: models from its repository, run in process on ONNX Runtime (batched when
/// their config asks for it, over their instances), and models forwarded to remote backends (<c>Hub:Backends</c>).
/// </summary>
internal sealed class HubInferenceServer(
    ModelStore store, ModelStoreStartup startup, LocalInference local, RemoteBackendRegistry remote, HubMetrics metrics, IOptions<HubOptions> options)
    : IInferenceServer
{
    public string Name => "edgecloud-hub";

    public string Version { get; } = typeof(HubInferenceServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public bool IsReady => startup.IsLoaded && (startup.Failed.Count == 0 || !options.Value.StrictReadiness);

    public IReadOnlyList<string> Extensions { get; } = ["model_repository", "model_repository(unload_dependents)", "streaming", "binary_tensor_data", "edgecloud"];

    public bool IsModelReady(string name, string? version) =>
        remote.TryGet(name, out var route)
            ? route.IsReady
            : store.TryGet(name, out var model) && (string.IsNullOrEmpty(version) || version == model.Info.Version);

    public ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken)
    {
        if (remote.TryGet(name, out var route))
        {
            return route.GetMetadataAsync(cancellationToken);
        }

        using var lease = store.Acquire(name, version);
        return ValueTask.FromResult(ModelMetadataFactory.From(lease.Model));
    }

    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        var model = store.TryGet(request.ModelName, out _) || remote.TryGet(request.ModelName, out _) ? request.ModelName : HubMetrics.UnknownModel;
        metrics.RequestReceived(model);
        try
        {
            return remote.TryGet(request.ModelName, out var route)
                ? await route.InferAsync(request, cancellationToken)
                : await InferLocalAsync(request, cancellationToken);
        }
        catch (InferenceException ex)
        {
            metrics.RequestFailed(model, RpcErrors.ToStatusCode(ex.Code).ToString());
            throw;
        }
        catch (OperationCanceledException)
        {
            metrics.RequestFailed(model, nameof(Grpc.Core.StatusCode.Cancelled));
            throw;
        }
    }

    public IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly) =>
        [.. store.Index()
            .Concat(remote.Routes.Select(r => new ModelIndexEntry(
                r.Model, "", r.IsReady ? ModelStates.Ready : ModelStates.Unavailable, $"forwarded to {r.Backends.Count} remote backend(s), policy {r.PolicyName}")))
            .Where(e => !readyOnly || e.State == ModelStates.Ready)];

    public ValueTask LoadModelAsync(string name, CancellationToken cancellationToken)
    {
        startup.LoadOne(name);
        return ValueTask.CompletedTask;
    }

    public ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        if (!store.Unload(name))
        {
            throw InferenceException.NotFound($"model '{name}' is not loaded; nothing to unload");
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<ModelInferResponse> InferLocalAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        // The lease is held until the answer is back, batched or not: an unload or reload never pulls the sessions away.
        using var lease = store.Acquire(request.ModelName, request.ModelVersion);
        var response = await local.InferAsync(lease.Model, request, cancellationToken);
        response.Parameters[EdgeCloudParameters.Variant] = new InferParameter { StringParam = lease.Model.Info.Variant };
        response.Parameters[EdgeCloudParameters.ExecutionProvider] = new InferParameter { StringParam = lease.Model.Info.ExecutionProvider };
        return response;
    }
}
