using System.Reflection;
using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.EdgeAgent.Models;
using EdgeCloud.Protocol;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>
/// The agent's v2 server. Each request: the result cache first, then the edge route policy picks
/// local or cloud; a cloud failure is answered locally (degraded) when the model is on the device,
/// as is a slow cloud once the hedge delay has passed, and a low-confidence local answer may be
/// escalated to the cloud.
/// </summary>
internal sealed partial class AgentInferenceServer(
    ModelStore store,
    ModelStoreStartup startup,
    ModelCatalog catalog,
    CloudClient cloud,
    IEdgeRoutePolicy policy,
    ILatencyEstimator latency,
    CloudLatencyWindow cloudLatencies,
    IResultCache cache,
    Jobs.DeferredJobs jobs,
    IOptions<ResultCacheOptions> cacheOptions,
    IOptions<AgentOptions> agentOptions,
    TimeProvider timeProvider,
    ILogger<AgentInferenceServer> logger) : IInferenceServer
{
    public string Name => "edgecloud-agent";

    public string Version { get; } = typeof(AgentInferenceServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public bool IsReady => startup.IsLoaded;

    public IReadOnlyList<string> Extensions { get; } = ["model_repository", "streaming", "binary_tensor_data", "edgecloud"];

    public bool IsModelReady(string name, string? version)
    {
        if (store.TryGet(name, out var model))
        {
            return string.IsNullOrEmpty(version) || version == model.Info.Version;
        }

        return catalog.Find(name) is not { Placement: Shared.Models.ModelPlacement.Edge } && cloud.Link.Current is Routing.CircuitBreaking.CircuitState.Closed;
    }

    public async ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken)
    {
        if (store.TryGet(name, out _) || !cloud.IsConfigured)
        {
            using var lease = store.Acquire(name, version);
            return ModelMetadataFactory.From(lease.Model);
        }

        try
        {
            return await cloud.MetadataAsync(name, version, cancellationToken);
        }
        catch (Grpc.Core.RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InferenceException(RpcErrors.FromStatusCode(ex.StatusCode),
                $"model '{name}' is not on this device and the cloud ({cloud.Endpoint}) answered: {ex.Status.Detail}");
        }
    }

    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        if (request.ModelName.Length == 0)
        {
            // Found by the security fuzzer: an empty name reached ResultCacheKey and answered UNKNOWN.
            throw new InferenceException(InferenceErrorCode.InvalidArgument, "model_name is empty; name the model to run");
        }

        var parameters = EdgeRequestParameters.From(request);
        store.TryGet(request.ModelName, out var local);
        var config = local?.Config ?? catalog.Find(request.ModelName);

        var useCache = parameters.UseCache && cacheOptions.Value.Enabled && (config?.Cacheable ?? true);
        var key = useCache ? ResultCacheKey.From(request, local?.Info.Version ?? CloudVersion(request), local?.Info.Variant ?? "cloud") : default;
        if (useCache && await cache.TryGetAsync(key, cancellationToken) is { } hit)
        {
            var cached = ModelInferResponse.Parser.ParseFrom(hit.Payload.Span);
            cached.Id = request.Id;
            return ResponseMarks.Served(cached, EdgeCloudParameters.ServedByCache, degraded: false);
        }

        if (await jobs.TryDeferAsync(request, local is not null, cancellationToken) is { } deferred)
        {
            return deferred; // edgecloud.defer=true, cloud-only, link down: accepted as a job
        }

        var route = RouteRequestFactory.Create(request, config, local is not null, parameters, cloud.Link.Current);
        var decision = policy.Decide(route);
        var response = decision.Target switch
        {
            RouteTarget.Local => await RunLocalAsync(request, route, config, degraded: decision.Rule == RouteRule.LinkHealth, cancellationToken),
            RouteTarget.Cloud => await RunCloudAsync(request, decision, Remaining(parameters.Deadline, started), cancellationToken),
            _ => throw new InferenceException(InferenceErrorCode.Unavailable, $"model '{request.ModelName}' cannot be served now: {decision.Reason}"),
        };

        if (useCache)
        {
            // Awaited so that an answered request is cached (and survives a restart); a failed store is logged and skipped by the cache.
            await cache.SetAsync(key, response.ToByteArray(), CancellationToken.None);
        }

        return response;
    }

    public IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly) =>
        [.. store.Index().Where(e => !readyOnly || e.State == ModelStates.Ready)];

    public ValueTask LoadModelAsync(string name, CancellationToken cancellationToken)
    {
        startup.LoadOne(name);
        catalog.Refresh();
        return ValueTask.CompletedTask;
    }

    public async ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        if (!store.Unload(name))
        {
            throw InferenceException.NotFound($"model '{name}' is not loaded on this device; nothing to unload");
        }

        await cache.InvalidateModelAsync(name, cancellationToken);
    }

    private static string CloudVersion(ModelInferRequest request) => request.ModelVersion.Length > 0 ? request.ModelVersion : "cloud";

    private TimeSpan? Remaining(TimeSpan? deadline, long started) =>
        deadline is { } d ? d - timeProvider.GetElapsedTime(started) : null;
}
