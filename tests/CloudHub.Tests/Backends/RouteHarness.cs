using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Metrics;
using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.CloudHub.Tests.Backends;

/// <summary>A <see cref="RemoteModelRoute"/> over scripted clients, with the real routing library on fake time.</summary>
internal sealed class RouteHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestMeterFactory _meters = new();

    public RouteHarness(string policy, int maxAttempts, params string[] backends)
        : this(new RemoteModelOptions { Policy = policy, MaxAttempts = maxAttempts }, backends)
    {
    }

    public RouteHarness(RemoteModelOptions options, params string[] backends)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddEdgeCloudRouting();
        collection.Configure<PassiveHealthOptions>(o => o.MinimumRequests = 2);
        collection.Configure<CircuitBreakerOptions>(o => o.MinimumThroughput = 2);
        _services = collection.BuildServiceProvider();
        var circuits = _services.GetRequiredService<ICircuitBreakerFactory>();
        Clients = [.. backends.Select(b => new ScriptedClient(b))];
        Backends = [.. Clients.Select(c => new RemoteBackend(
            "m", options.RemoteName ?? "m", new BackendState(c.Name, $"http://{c.Name}:8001", circuits.Create(c.Name), Time), c, options.ProbeTimeout))];
        Metrics = new HubMetrics(_meters);
        Recorder = new MeterRecorder(Metrics.Meter);
        Route = new RemoteModelRoute(
            "m",
            options,
            Backends,
            _services.GetRequiredService<IBackendPolicyRegistry>().Get(options.Policy),
            _services.GetRequiredService<IPassiveHealthPolicy>(),
            Time,
            Metrics,
            NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public IReadOnlyList<ScriptedClient> Clients { get; }

    public IReadOnlyList<RemoteBackend> Backends { get; }

    public HubMetrics Metrics { get; }

    public MeterRecorder Recorder { get; }

    public RemoteModelRoute Route { get; }

    /// <summary>Fails the backend's active health probes until it turns unhealthy.</summary>
    public void FailProbes(RemoteBackend backend)
    {
        var tracker = _services.GetRequiredService<IActiveHealthTracker>();
        for (var i = 0; i < new ActiveHealthOptions().UnhealthyThreshold; i++)
        {
            tracker.RecordProbeResult(backend.State, healthy: false);
        }
    }

    public void Dispose()
    {
        Recorder.Dispose();
        _meters.Dispose();
        _services.Dispose();
    }
}
