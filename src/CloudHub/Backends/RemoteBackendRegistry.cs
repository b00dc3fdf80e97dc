using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// The models this hub forwards (<c>Hub:Backends</c>), each with its backends' routing state, built
/// once at start. One gRPC channel per distinct address, shared by the models it serves.
/// </summary>
internal sealed class RemoteBackendRegistry : IDisposable
{
    private readonly FrozenDictionary<string, RemoteModelRoute> _routes;
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.OrdinalIgnoreCase);

    public RemoteBackendRegistry(
        IOptions<RemoteBackendsOptions> options,
        IBackendPolicyRegistry policies,
        ICircuitBreakerFactory circuits,
        IPassiveHealthPolicy passive,
        TimeProvider time,
        HubMetrics metrics,
        ILogger<RemoteModelRoute> logger)
    {
        var routes = new Dictionary<string, RemoteModelRoute>(StringComparer.Ordinal);
        foreach (var (model, remote) in options.Value)
        {
            var backends = remote.Endpoints
                .Select(e => new RemoteBackend(
                    model,
                    string.IsNullOrEmpty(remote.RemoteName) ? model : remote.RemoteName,
                    new BackendState(e.Address, e.Address, circuits.Create($"{model}@{e.Address}"), time, e.Weight),
                    new GRPCInferenceService.GRPCInferenceServiceClient(Channel(e.Address)),
                    remote.ProbeTimeout))
                .ToArray();
            routes[model] = new RemoteModelRoute(model, remote, backends, policies.Get(remote.Policy), passive, time, metrics, logger);
        }

        _routes = routes.ToFrozenDictionary(StringComparer.Ordinal);
        AllBackends = [.. _routes.Values.SelectMany(r => r.Backends)];
    }

    public IReadOnlyCollection<RemoteModelRoute> Routes => _routes.Values;

    public IReadOnlyList<RemoteBackend> AllBackends { get; }

    public bool TryGet(string model, [NotNullWhen(true)] out RemoteModelRoute? route) => _routes.TryGetValue(model, out route);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private GrpcChannel Channel(string address)
    {
        if (!_channels.TryGetValue(address, out var channel))
        {
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                MaxReceiveMessageSize = null,
                MaxSendMessageSize = null,
                HttpHandler = new SocketsHttpHandler
                {
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                    KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                    KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                    ConnectTimeout = TimeSpan.FromSeconds(5),
                },
            });
            _channels[address] = channel;
        }

        return channel;
    }
}
