using EdgeCloud.CloudHub.Events;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>
/// The agent boots with no hub reachable (the link cut by a fault proxy, or nothing listening),
/// serves its local model, keeps events, and drains them all once the hub appears.
/// </summary>
public sealed class OfflineBootTests : IDisposable
{
    private const string DeviceId = "offline-boot";
    private readonly EdgeSeed _seed = new("silero-vad");
    private readonly string _agentData;
    private readonly string _hubData;

    public OfflineBootTests()
    {
        _agentData = _seed.NewDataDir();
        _hubData = _seed.NewDataDir();
    }

    public void Dispose()
    {
        Directory.Delete(_agentData, recursive: true);
        Directory.Delete(_hubData, recursive: true);
        _seed.Dispose();
    }

    [Theory]
    [InlineData(FaultProxyMode.Cut)]
    [InlineData(FaultProxyMode.Blackhole)]
    public async Task Boot_HubUnreachable_ServesLocallyKeepsEventsThenDrainsAllWhenHubAppears(FaultProxyMode fault)
    {
        var ct = TestContext.Current.CancellationToken;
        var hubPort = FreePort.Next();
        await using var proxy = new FaultProxy("127.0.0.1", hubPort);
        if (fault == FaultProxyMode.Cut)
        {
            proxy.Cut();
        }
        else
        {
            proxy.Blackhole();
        }

        await using var agent = await InProcessAgent.StartAsync(_agentData, _seed.Root, proxy.Endpoint, Settings());

        var local = await agent.Client.ModelInferAsync(AgentRequests.Silero(220f, cache: false), cancellationToken: ct);
        Assert.Equal("local", local.ServedBy());
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await OutboxProbe.PostAsync(agent.Http, "offline.tick", id: null, ct));
        }

        var offline = await OutboxProbe.WaitForAsync(
            agent.Http, s => s.GetProperty("hub").GetProperty("consecutive_failures").GetInt32() > 0, TimeSpan.FromSeconds(20), ct);
        Assert.Equal(40, offline.GetProperty("pending_events").GetInt64());

        await using var hub = await HubFactory.StartAsync(_seed.Root, _hubData, hubPort);
        proxy.Pass();
        var drained = await OutboxProbe.WaitForAsync(agent.Http, s => s.GetProperty("pending_events").GetInt64() == 0, TimeSpan.FromSeconds(30), ct);

        Assert.Equal(40, drained.GetProperty("delivered").GetInt64());
        var stored = await hub.Services.GetRequiredService<HubEventStore>().IdsAsync(DeviceId, ct);
        Assert.Equal(ids, stored); // all of them, once each, in the order they were accepted
    }

    [Fact]
    public async Task Boot_NothingListening_StartsAndDrainsWhenHubStartsOnThatPort()
    {
        var ct = TestContext.Current.CancellationToken;
        var hubPort = FreePort.Next();
        await using var agent = await InProcessAgent.StartAsync(_agentData, _seed.Root, $"http://127.0.0.1:{hubPort}", Settings());
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await OutboxProbe.PostAsync(agent.Http, "boot.tick", $"boot-{i}", ct));
        }

        await OutboxProbe.WaitForAsync(agent.Http, s => s.GetProperty("hub").GetProperty("consecutive_failures").GetInt32() > 0, TimeSpan.FromSeconds(20), ct);
        await using var hub = await HubFactory.StartAsync(_seed.Root, _hubData, hubPort);
        await OutboxProbe.WaitForAsync(agent.Http, s => s.GetProperty("pending_events").GetInt64() == 0, TimeSpan.FromSeconds(30), ct);

        Assert.Equal(ids, await hub.Services.GetRequiredService<HubEventStore>().IdsAsync(DeviceId, ct));
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Agent:DeviceId"] = DeviceId,
        ["Agent:Cloud:AttemptTimeout"] = "00:00:00.500",
        ["Agent:Outbox:PublishTimeout"] = "00:00:00.500",
        ["Agent:Outbox:RetryMinDelay"] = "00:00:00.050",
        ["Agent:Outbox:RetryMaxDelay"] = "00:00:00.300",
        ["Agent:Outbox:DrainBatchSize"] = "7",
    };
}
