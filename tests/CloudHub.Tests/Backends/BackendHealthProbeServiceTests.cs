using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Metrics;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.CloudHub.Tests.Backends;

public sealed class BackendHealthProbeServiceTests : IAsyncDisposable
{
    private readonly SignalingTimeProvider _time = new();
    private readonly ScriptedProbe _probe;
    private readonly ServiceProvider _services;
    private readonly BackendHealthProbeService _service;

    public BackendHealthProbeServiceTests()
    {
        _probe = new ScriptedProbe(_time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Backends:m:Endpoints:0:Address"] = "http://a:8001",
            ["Hub:Backends:m:Endpoints:1:Address"] = "http://b:8001",
            ["Hub:Routing:ActiveHealth:Interval"] = "00:00:10",
            ["Hub:Routing:ActiveHealth:UnhealthyThreshold"] = "2",
            ["Hub:Routing:ActiveHealth:HealthyThreshold"] = "1",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(_time);
        collection.AddSingleton<IMeterFactory, TestMeterFactory>();
        collection.AddSingleton<HubMetrics>();
        collection.AddLogging();
        collection.AddSingleton<IBackendProbe>(_probe);
        collection.AddHubBackends();
        _services = collection.BuildServiceProvider();
        _service = _services.GetServices<IHostedService>().OfType<BackendHealthProbeService>().Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_BackendFailsTwoProbesInARow_TurnsUnhealthyAndLeavesTheRotation()
    {
        _probe.Unhealthy.Add("http://b:8001");
        await _service.StartAsync(TestContext.Current.CancellationToken);
        await _probe.RoundAsync();

        Assert.Equal(BackendHealth.Healthy, State("http://a:8001").ActiveHealth);
        Assert.Equal(BackendHealth.Unknown, State("http://b:8001").ActiveHealth);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, _probe.Pending);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _probe.RoundAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.RoundAsync();

        Assert.Equal(BackendHealth.Unhealthy, State("http://b:8001").ActiveHealth);
        Assert.False(State("http://b:8001").IsAvailable);
        Assert.True(Route().IsReady);
    }

    [Fact]
    public async Task ExecuteAsync_UnhealthyBackendPassesAProbe_ReturnsToTheRotation()
    {
        _probe.Unhealthy.Add("http://b:8001");
        await _service.StartAsync(TestContext.Current.CancellationToken);
        await _probe.RoundAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.RoundAsync();
        _probe.Unhealthy.Clear();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.RoundAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.RoundAsync();

        Assert.Equal(BackendHealth.Healthy, State("http://b:8001").ActiveHealth);
        Assert.True(State("http://b:8001").IsAvailable);
    }

    private RemoteModelRoute Route()
    {
        Assert.True(_services.GetRequiredService<RemoteBackendRegistry>().TryGet("m", out var route));
        return route;
    }

    private BackendState State(string id) => Route().Backends.Single(b => b.Id == id).State;

    /// <summary>Fake time that tells when a timer is made: the service made its next wait, so the last round is recorded.</summary>
    private sealed class SignalingTimeProvider : FakeTimeProvider
    {
        public Channel<TimeSpan> Timers { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Timers.Writer.TryWrite(dueTime);
            return timer;
        }
    }

    /// <summary>Answers probes from a script and lets the test wait for each round (both backends probed and recorded).</summary>
    private sealed class ScriptedProbe(SignalingTimeProvider time) : IBackendProbe
    {
        private readonly Channel<string> _probed = Channel.CreateUnbounded<string>();

        public HashSet<string> Unhealthy { get; } = [];

        public int Pending => _probed.Reader.Count;

        public Task<bool> ProbeAsync(RemoteBackend backend, CancellationToken cancellationToken)
        {
            var healthy = !Unhealthy.Contains(backend.Id);
            _probed.Writer.TryWrite(backend.Id);
            return Task.FromResult(healthy);
        }

        /// <summary>Waits until both backends were probed and the service waits for the next round, so the results are recorded.</summary>
        public async Task RoundAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var seen = new[] { await _probed.Reader.ReadAsync(timeout.Token), await _probed.Reader.ReadAsync(timeout.Token) };
            Assert.Equal(["http://a:8001", "http://b:8001"], seen.Order(StringComparer.Ordinal));
            Assert.Equal(TimeSpan.FromSeconds(10), await time.Timers.Reader.ReadAsync(timeout.Token));
        }
    }
}
