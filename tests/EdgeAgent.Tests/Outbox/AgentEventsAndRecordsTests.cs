using System.Text;
using System.Text.Json;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.Events;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>The gRPC twin of POST /edgecloud/v1/events, and opt-in inference records, through a real agent.</summary>
public sealed class AgentEventsAndRecordsTests : IAsyncLifetime
{
    private readonly EdgeSeed _seed = new("silero-vad");
    private readonly List<string> _dataDirs = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var dir in _dataDirs)
        {
            Directory.Delete(dir, recursive: true);
        }

        _seed.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Append_Grpc_StoredBeforeReplyWithGivenIdAndKind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAsync(recordInferences: false);
        var client = new AgentEvents.AgentEventsClient(agent.Channel);

        var reply = await client.AppendAsync(new AppendEventRequest { Id = "g-1", Type = "cpu", Kind = "telemetry", PayloadJson = "0.5" }, cancellationToken: ct);

        Assert.Equal("g-1", reply.Id);
        var stored = Assert.Single(agent.Services.GetRequiredService<SqliteOutbox>().ReadBatch());
        Assert.Equal((OutboxKinds.Telemetry, "0.5"), (stored.Kind, Encoding.UTF8.GetString(stored.Payload)));
    }

    [Theory]
    [InlineData("t", "gossip", "1", StatusCode.InvalidArgument, "kind: expected one of \"event\", \"telemetry\", \"audit\", got \"gossip\"")]
    [InlineData("t", "", "{oops", StatusCode.InvalidArgument, "payload_json: expected one JSON value, got invalid JSON")]
    [InlineData("", "", "1", StatusCode.InvalidArgument, "type must be 1 to 128 characters, got 0")]
    public async Task Append_Grpc_BadField_NamedInTheStatus(string type, string kind, string payload, StatusCode code, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAsync(recordInferences: false);
        var client = new AgentEvents.AgentEventsClient(agent.Channel);
        var request = new AppendEventRequest { Type = type, Kind = kind, PayloadJson = payload };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.AppendAsync(request, cancellationToken: ct));

        Assert.Equal(code, ex.StatusCode);
        Assert.StartsWith(message, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_RecordInferencesOn_AppendsOneInferenceRecordWithoutTensors()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAsync(recordInferences: true);

        await agent.Client.ModelInferAsync(AgentRequests.Silero(300f, cache: false), cancellationToken: ct);

        var outbox = agent.Services.GetRequiredService<SqliteOutbox>();
        for (var i = 0; i < 200 && outbox.Stats.PendingEvents == 0; i++)
        {
            await Task.Delay(10, ct); // the record is appended beside the response, not before it
        }

        var record = Assert.Single(outbox.ReadBatch());
        Assert.Equal((OutboxKinds.Inference, "inference.completed"), (record.Kind, record.Type));
        using var payload = JsonDocument.Parse(record.Payload);
        Assert.Equal("silero-vad", payload.RootElement.GetProperty("model").GetString());
        Assert.Equal("local", payload.RootElement.GetProperty("edgecloud.served_by").GetString());
        Assert.Equal("ok", payload.RootElement.GetProperty("outcome").GetString());
        Assert.False(payload.RootElement.TryGetProperty("outputs", out _));
    }

    [Fact]
    public async Task Infer_RecordInferencesOff_AppendsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAsync(recordInferences: false);

        await agent.Client.ModelInferAsync(AgentRequests.Silero(300f, cache: false), cancellationToken: ct);
        await OutboxProbe.PostAsync(agent.Http, "marker", "after-infer", ct); // appends are committed in order

        Assert.Equal(["after-infer"], agent.Services.GetRequiredService<SqliteOutbox>().ReadBatch().Select(e => e.Id));
    }

    private async Task<InProcessAgent> StartAsync(bool recordInferences)
    {
        var dataDir = _seed.NewDataDir();
        _dataDirs.Add(dataDir);
        return await InProcessAgent.StartAsync(dataDir, _seed.Root, cloudEndpoint: "", new Dictionary<string, string?>
        {
            ["Agent:Outbox:RecordInferences"] = recordInferences ? "true" : "false",
        });
    }
}
