using EdgeCloud.CloudHub.Events;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.Events;
using EdgeCloud.TestUtilities;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>The hub's EventIngest service over real loopback gRPC: exactly-once by (device, id), durable, strict input.</summary>
public sealed class HubEventIngestTests : IAsyncLifetime
{
    private readonly EdgeSeed _seed = new("silero-vad");
    private string _hubData = "";
    private InProcessHub _hub = null!;

    public async ValueTask InitializeAsync()
    {
        _hubData = _seed.NewDataDir();
        _hub = await HubFactory.StartAsync(_seed.Root, _hubData);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_hubData, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task Publish_SameIdsTwice_StoresEachOnceAndAcknowledgesBothTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new EventIngest.EventIngestClient(_hub.Channel);

        var first = await client.PublishAsync(Batch("dev-1", "a", "b", "c"), cancellationToken: ct);
        var again = await client.PublishAsync(Batch("dev-1", "b", "c", "d"), cancellationToken: ct);

        Assert.Equal(["a", "b", "c"], first.StoredIds);
        Assert.Equal(["b", "c", "d"], again.StoredIds);
        var store = _hub.Services.GetRequiredService<HubEventStore>();
        Assert.Equal(["a", "b", "c", "d"], await store.IdsAsync("dev-1", ct));
        Assert.Equal(2, store.Duplicates);
    }

    [Fact]
    public async Task Publish_SameIdFromTwoDevices_KeepsBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new EventIngest.EventIngestClient(_hub.Channel);

        await client.PublishAsync(Batch("dev-a", "shared"), cancellationToken: ct);
        await client.PublishAsync(Batch("dev-b", "shared"), cancellationToken: ct);

        var store = _hub.Services.GetRequiredService<HubEventStore>();
        Assert.Equal(1, await store.CountAsync("dev-a", ct));
        Assert.Equal(1, await store.CountAsync("dev-b", ct));
    }

    [Fact]
    public async Task Publish_Stored_SurvivesHubRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await new EventIngest.EventIngestClient(_hub.Channel).PublishAsync(Batch("dev-r", "x", "y"), cancellationToken: ct);

        await _hub.DisposeAsync();
        _hub = await HubFactory.StartAsync(_seed.Root, _hubData);

        Assert.Equal(["x", "y"], await _hub.Services.GetRequiredService<HubEventStore>().IdsAsync("dev-r", ct));
    }

    [Theory]
    [InlineData("", "ok", "device_id must be 1 to 128 characters, got 0")]
    [InlineData("dev", "", "events[0]: id must be 1 to 128 characters, got 0")]
    public async Task Publish_Malformed_InvalidArgumentNamingTheFieldAndStoresNothing(string device, string id, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new EventIngest.EventIngestClient(_hub.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.PublishAsync(Batch(device, id), cancellationToken: ct));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal(0, await _hub.Services.GetRequiredService<HubEventStore>().CountAsync(device, ct));
    }

    private static PublishRequest Batch(string device, params string[] ids)
    {
        var request = new PublishRequest { DeviceId = device, Fleet = "test" };
        var sequence = 0;
        foreach (var id in ids)
        {
            request.Events.Add(new Event { Id = id, Kind = "event", Type = "t", CreatedUnixMs = 1, Sequence = ++sequence, Payload = ByteString.CopyFromUtf8("{}") });
        }

        return request;
    }
}
