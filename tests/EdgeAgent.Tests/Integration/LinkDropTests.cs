using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using CircuitState = EdgeCloud.Routing.CircuitBreaking.CircuitState;

namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>
/// The link to the hub is blackholed by a fault proxy while the agent serves: local-capable models keep
/// answering within the attempt timeout plus local time, the circuit opens, and after the link returns
/// and the break has run out (fake time), the cloud serves again. Hedging is off here, so these are
/// the bounds without it.
/// </summary>
public sealed class LinkDropTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(60);

    private readonly EdgeSeed _seed = new("ocr-cls", "resnet18");
    private readonly FakeTimeProvider _time = new();
    private InProcessHub _hub = null!;
    private FaultProxy _proxy = null!;
    private InProcessAgent _agent = null!;
    private string _dataDir = "";

    public async ValueTask InitializeAsync()
    {
        _hub = await InProcessHub.StartAsync(TestModels.Repository, ["ocr-cls", "resnet18"]);
        _proxy = new FaultProxy("127.0.0.1", _hub.GrpcPort);
        _dataDir = _seed.NewDataDir();
        _agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, _proxy.Endpoint, new Dictionary<string, string?>
        {
            ["Agent:Routing:DefaultPreference"] = "Cloud",
            ["Agent:Cloud:HedgeAfter"] = "00:00:00", // the unhedged path; HedgingTests covers the hedge
            ["Agent:Cloud:AttemptTimeout"] = AttemptTimeout.ToString(),
            ["Agent:Cloud:BreakDuration"] = BreakDuration.ToString(),
            ["Agent:Cloud:MinimumThroughput"] = "5",
            ["Agent:Cloud:RetryDelay"] = "00:00:00",
        }, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _proxy.DisposeAsync();
        await _hub.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task Blackhole_During200RequestsAtConcurrency8_NoFailuresCircuitOpensThenCloses()
    {
        var ct = TestContext.Current.CancellationToken;
        var link = _agent.Services.GetRequiredService<CloudClient>().Link;
        var before = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(0, cache: false), cancellationToken: ct);
        Assert.Equal("cloud", before.ServedBy());

        _proxy.Blackhole();
        var outcomes = new ConcurrentBag<(TimeSpan Elapsed, string ServedBy, bool Degraded)>();
        var failures = new ConcurrentBag<Exception>();
        await Parallel.ForAsync(1, 201, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(i, cache: false), cancellationToken: token);
                outcomes.Add((Stopwatch.GetElapsedTime(started), response.ServedBy(), response.Degraded()));
            }
            catch (RpcException ex)
            {
                failures.Add(ex);
            }
        });

        Assert.Empty(failures);
        Assert.Equal(200, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("local", o.ServedBy));
        Assert.All(outcomes, o => Assert.True(o.Degraded, "a cloud-preferred request answered locally is marked degraded"));
        var slowest = outcomes.Max(o => o.Elapsed);
        Assert.True(slowest < AttemptTimeout + TimeSpan.FromSeconds(1), $"slowest answer took {slowest.TotalMilliseconds:0} ms");
        Assert.Equal(CircuitState.Open, link.Current);

        _proxy.Pass();
        _time.Advance(BreakDuration + TimeSpan.FromSeconds(1));
        var probe = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(1000, cache: false), cancellationToken: ct);
        var after = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(1001, cache: false), cancellationToken: ct);

        Assert.Equal("cloud", probe.ServedBy());
        Assert.Equal("cloud", after.ServedBy());
        Assert.Equal(CircuitState.Closed, link.Current);
    }

    [Fact]
    public async Task Blackhole_CloudOnlyModel_IsUnavailableFastWithAClearMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await _agent.Client.ModelInferAsync(AgentRequests.Resnet(cache: false), cancellationToken: ct);
        Assert.Equal("cloud", before.ServedBy());
        _proxy.Blackhole();

        var errors = new List<(RpcException Error, TimeSpan Elapsed)>();
        for (var i = 0; i < 8; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
                await _agent.Client.ModelInferAsync(AgentRequests.Resnet(cache: false), cancellationToken: ct));
            errors.Add((error, Stopwatch.GetElapsedTime(started)));
        }

        Assert.All(errors, e => Assert.Equal(StatusCode.Unavailable, e.Error.StatusCode));
        Assert.All(errors, e => Assert.True(e.Elapsed < AttemptTimeout + TimeSpan.FromSeconds(1), $"took {e.Elapsed.TotalMilliseconds:0} ms"));
        Assert.Contains("runs only in the cloud", errors[0].Error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("did not answer within 1000 ms", errors[0].Error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("resnet18", errors[^1].Error.Status.Detail, StringComparison.Ordinal);
        Assert.True(errors[^1].Elapsed < AttemptTimeout, "once the circuit is open the refusal is immediate");
    }
}
