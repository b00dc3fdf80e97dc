using EdgeCloud.Events;
using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Security;
using Google.Protobuf;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>
/// A device's <c>agent-audit</c> events join the hub's hash-chained audit log with the device as actor: once each
/// however often they are re-sent (a lost acknowledgement), and an unreadable one is recorded, not dropped.
/// </summary>
public sealed class DeviceAuditIngestTests : IClassFixture<SecureHubFixture>
{
    private readonly SecureHub _hub;

    public DeviceAuditIngestTests(SecureHubFixture fixture) => _hub = fixture.Hub;

    [Fact]
    public async Task Publish_AuditEventSentTwice_IsAppendedOnce_AndTheChainVerifies()
    {
        var (_, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"], device: "cam-twice");
        var request = Request("cam-twice", ("aud-1", """{"schema":1,"action":"config.apply","target":"device v3","result":"applied"}"""));

        await PublishAsync(key, request);
        var again = await PublishAsync(key, request); // the first acknowledgement was "lost"

        var (verified, entries) = await AdminApi.AuditAsync(_hub, SecureHub.BootstrapKey);
        Assert.Equal(["aud-1"], again.StoredIds);
        Assert.True(verified);
        Assert.Single(entries, e => e == ("device:cam-twice", "agent.config.apply", "device v3", "applied"));
    }

    [Fact]
    public async Task Publish_UnreadableAuditPayload_IsRecordedAsUnreadable()
    {
        var (_, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"], device: "cam-garbled");

        await PublishAsync(key, Request("cam-garbled", ("aud-bad", """{"schema":1,"action":42}"""), ("aud-empty", "{}")));

        var (verified, entries) = await AdminApi.AuditAsync(_hub, SecureHub.BootstrapKey);
        Assert.True(verified);
        Assert.Equal(2, entries.Count(e => e.Actor == "device:cam-garbled" && e.Action == "agent.unreadable" && e.Target == "model.install"));
    }

    [Fact]
    public async Task Publish_OrdinaryAndApplicationAuditEvents_StayOutOfTheAuditLog()
    {
        var (_, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"], device: "cam-apps");
        var request = new PublishRequest { DeviceId = "cam-apps", Fleet = "default" };
        request.Events.Add(Event("app-1", "event", """{"action":"config.apply"}"""));
        request.Events.Add(Event("app-2", "audit", """{"schema":1,"action":"config.apply","target":"t","result":"r"}"""));

        var ack = await PublishAsync(key, request);

        var (_, entries) = await AdminApi.AuditAsync(_hub, SecureHub.BootstrapKey);
        Assert.Equal(["app-1", "app-2"], ack.StoredIds);
        Assert.DoesNotContain(entries, e => e.Actor == "device:cam-apps");
    }

    private async Task<PublishAck> PublishAsync(string key, PublishRequest request)
    {
        using var channel = _hub.Channel();
        return await new EventIngest.EventIngestClient(channel).PublishAsync(request, SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken);
    }

    private static PublishRequest Request(string device, params (string Id, string Json)[] events)
    {
        var request = new PublishRequest { DeviceId = device, Fleet = "default" };
        request.Events.AddRange(events.Select(e => Event(e.Id, DeviceAuditRecord.Kind, e.Json)));
        return request;
    }

    private static Event Event(string id, string kind, string json) =>
        new() { Id = id, Kind = kind, Type = "model.install", CreatedUnixMs = 1, Sequence = 1, Payload = ByteString.CopyFromUtf8(json) };
}
