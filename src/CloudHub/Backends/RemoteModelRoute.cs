using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// One model served by remote backends: each request goes to the backend its policy picks among the
/// available ones (not ejected by passive health, not unhealthy by probes, circuit closed or ready for
/// a probe), and fails over to another on a backend failure, at most <see cref="RemoteModelOptions.MaxAttempts"/> times.
/// When health has ruled out every backend, they are tried anyway (panic routing), since a stale health view must
/// not refuse traffic that a recovered backend could serve; open circuits still hold.
/// </summary>
internal sealed partial class RemoteModelRoute
{
    private readonly RemoteModelOptions _options;
    private readonly IBackendPolicy _policy;
    private readonly IPassiveHealthPolicy _passive;
    private readonly TimeProvider _time;
    private readonly HubMetrics _metrics;
    private readonly ILogger _logger;
    private readonly RoutingContext _context;
    private readonly Dictionary<BackendState, RemoteBackend> _byState;

    public RemoteModelRoute(
        string model,
        RemoteModelOptions options,
        IReadOnlyList<RemoteBackend> backends,
        IBackendPolicy policy,
        IPassiveHealthPolicy passive,
        TimeProvider time,
        HubMetrics metrics,
        ILogger logger)
    {
        Model = model;
        _options = options;
        Backends = backends;
        _policy = policy;
        _passive = passive;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _context = new RoutingContext(model);
        _byState = backends.ToDictionary(b => b.State);
    }

    public string Model { get; }

    public string PolicyName => _policy.Name;

    public IReadOnlyList<RemoteBackend> Backends { get; }

    /// <summary>Whether a request could be sent now: some backend is available.</summary>
    public bool IsReady => Backends.Any(b => b.State.IsAvailable);

    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        var deadline = RequestDeadline.From(request) is { } budget ? _time.GetUtcNow().UtcDateTime + budget : (DateTime?)null;
        var (response, backend) = await SendAsync(
            (b, call) => b.Client.ModelInferAsync(Renamed(request, b), call), deadline, cancellationToken);
        response.ModelName = Model;
        response.Parameters[BackendParameters.Backend] = new InferParameter { StringParam = backend.Id };
        return response;
    }

    public async ValueTask<ModelMetadataResponse> GetMetadataAsync(CancellationToken cancellationToken)
    {
        var (response, _) = await SendAsync(
            (b, call) => b.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = b.RemoteModel }, call), deadline: null, cancellationToken);
        response.Name = Model;
        return response;
    }

    private static ModelInferRequest Renamed(ModelInferRequest request, RemoteBackend backend)
    {
        if (request.ModelName == backend.RemoteModel)
        {
            return request;
        }

        var renamed = request.Clone();
        renamed.ModelName = backend.RemoteModel;
        return renamed;
    }

    private static CallOptions Call(DateTime? deadline, CancellationToken cancellationToken) => new(deadline: deadline, cancellationToken: cancellationToken);
}
