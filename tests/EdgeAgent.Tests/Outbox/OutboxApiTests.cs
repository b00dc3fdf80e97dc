using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>The on-device REST API of the outbox, through a real agent on loopback with no hub.</summary>
public sealed class OutboxApiTests : IAsyncLifetime
{
    private readonly EdgeSeed _seed = new("silero-vad");
    private InProcessAgent _agent = null!;
    private string _dataDir = "";

    public async ValueTask InitializeAsync()
    {
        _dataDir = _seed.NewDataDir();
        _agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, cloudEndpoint: "", new Dictionary<string, string?>
        {
            ["Agent:Outbox:MaxEventBytes"] = "1024",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task PostEvent_Valid_Answers202WithIdOnlyAfterItIsStored()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await _agent.Http.PostAsync("/edgecloud/v1/events", Json("""{"type":"door.opened","payload":{"door":3}}"""), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        Assert.Equal(7, Guid.Parse(id).Version);
        var stored = _agent.Services.GetRequiredService<SqliteOutbox>().ReadBatch();
        var e = Assert.Single(stored, s => s.Id == id);
        Assert.Equal("{\"door\":3}", Encoding.UTF8.GetString(e.Payload));
        Assert.Equal(OutboxKinds.Event, e.Kind);
    }

    [Fact]
    public async Task PostEvent_WithIdAndKind_KeepsThem()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await _agent.Http.PostAsync("/edgecloud/v1/events", Json("""{"id":"cam-7:42","type":"cpu","kind":"telemetry","payload":0.93}"""), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("cam-7:42", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString());
        var e = Assert.Single(_agent.Services.GetRequiredService<SqliteOutbox>().ReadBatch(), s => s.Id == "cam-7:42");
        Assert.Equal(OutboxKinds.Telemetry, e.Kind);
        Assert.Equal("0.93", Encoding.UTF8.GetString(e.Payload));
    }

    [Theory]
    [InlineData("not json", 400, "it is not valid JSON")]
    [InlineData("[1,2]", 400, "must be a JSON object {\"type\": string")]
    [InlineData("{\"payload\":1}", 400, "type is required")]
    [InlineData("{\"type\":5}", 400, "type: expected a string such as \"door.opened\", got the number 5")]
    [InlineData("{\"type\":\"a\",\"id\":false}", 400, "id: expected a string (1-128 printable ASCII characters), got the bool false")]
    [InlineData("{\"type\":\"a\",\"kind\":\"inference\"}", 400, "kind: expected one of \"event\", \"telemetry\", \"audit\", got the string \"inference\"")]
    [InlineData("{\"type\":\"a\",\"colour\":\"red\"}", 400, "unknown property \"colour\"")]
    [InlineData("{\"type\":\"has space\"}", 400, "type must be printable ASCII without spaces, got U+0020 at position 3")]
    public async Task PostEvent_BadBody_Answers400NamingExpectedAndGotThenKeepsServing(string body, int status, string message)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await _agent.Http.PostAsync("/edgecloud/v1/events", Json(body), ct);

        Assert.Equal(status, (int)response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString();
        Assert.Contains(message, error, StringComparison.Ordinal);
        using var next = await _agent.Http.PostAsync("/edgecloud/v1/events", Json("""{"type":"after.error"}"""), ct);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Fact]
    public async Task PostEvent_InvalidUtf8InAString_Answers400SayingWhereThenKeepsServing()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = Encoding.UTF8.GetBytes("""{"type":"door.opened"}""");
        body[10] = 0xF1;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await _agent.Http.PostAsync("/edgecloud/v1/events", content, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString();
        Assert.Contains("byte 10 is not valid UTF-8", error, StringComparison.Ordinal);
        using var next = await _agent.Http.PostAsync("/edgecloud/v1/events", Json("""{"type":"after.error"}"""), ct);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Fact]
    public async Task PostEvent_PayloadOverLimit_Answers413NamingTheKey()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await _agent.Http.PostAsync("/edgecloud/v1/events", Json($$"""{"type":"big","payload":"{{new string('x', 2000)}}"}"""), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString();
        Assert.Contains("payload must be at most 1024 bytes (Agent:Outbox:MaxEventBytes), got 2002", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOutbox_AfterPosts_ReportsPendingBoundsDropsAndHub()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            using var posted = await _agent.Http.PostAsync("/edgecloud/v1/events", Json("""{"type":"tick"}"""), ct);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var status = await _agent.Http.GetFromJsonAsync<JsonElement>("/edgecloud/v1/outbox", ct);

        Assert.True(status.GetProperty("pending_events").GetInt64() >= 3);
        Assert.Equal(new OutboxOptions().MaxBytes, status.GetProperty("max_bytes").GetInt64());
        Assert.Equal("oldest-first", status.GetProperty("drop_policy").GetString());
        Assert.Equal(0, status.GetProperty("dropped").GetProperty("capacity").GetProperty("events").GetInt64());
        Assert.Equal(0, status.GetProperty("dropped").GetProperty("age").GetProperty("events").GetInt64());
        Assert.False(status.GetProperty("hub").GetProperty("configured").GetBoolean());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
