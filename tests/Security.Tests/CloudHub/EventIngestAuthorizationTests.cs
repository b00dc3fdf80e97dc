using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EdgeCloud.Events;
using EdgeCloud.Security.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>
/// With security on, EventIngest does not trust the request's device_id: it must be the device the caller's
/// credential speaks for (a device-bound API key, the device's enrolment secret), else PERMISSION_DENIED.
/// </summary>
public sealed class EventIngestAuthorizationTests : IClassFixture<SecureHubFixture>
{
    private readonly SecureHub _hub;

    public EventIngestAuthorizationTests(SecureHubFixture fixture) => _hub = fixture.Hub;

    [Fact]
    public async Task Publish_KeyBoundToTheDevice_IsStored()
    {
        var (_, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"], device: "cam-own");

        var ack = await PublishAsync(SecureHub.ApiKey(key), "cam-own", "e-own-1");

        Assert.Equal(["e-own-1"], ack.StoredIds);
    }

    [Fact]
    public async Task Publish_KeyBoundToAnotherDevice_IsPermissionDeniedNamingBoth()
    {
        var (id, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"], device: "cam-a");

        var ex = await Assert.ThrowsAsync<RpcException>(() => PublishAsync(SecureHub.ApiKey(key), "cam-b", "e-forged"));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal($"key:{id} speaks for device 'cam-a'; expected device_id 'cam-a', got 'cam-b'", ex.Status.Detail);
    }

    [Fact]
    public async Task Publish_DeviceKeyBoundToNoDevice_IsPermissionDenied()
    {
        var (id, key) = await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, ["device"]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => PublishAsync(SecureHub.ApiKey(key), "cam-any", "e-unbound"));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.StartsWith($"key:{id} is not bound to a device", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DeviceSecret_OnlyForItsOwnId()
    {
        var secret = await AdminApi.EnrollDeviceAsync(_hub, SecureHub.BootstrapKey, "cam-secret");
        var basic = new Metadata
        {
            { "authorization", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"cam-secret:{secret}"))).ToString() },
        };

        var own = await PublishAsync(basic, "cam-secret", "e-secret-1");
        var ex = await Assert.ThrowsAsync<RpcException>(() => PublishAsync(basic, "cam-own", "e-secret-2"));

        Assert.Equal(["e-secret-1"], own.StoredIds);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("device:cam-secret speaks for device 'cam-secret'; expected device_id 'cam-secret', got 'cam-own'", ex.Status.Detail);
    }

    [Theory]
    [InlineData(new[] { "infer" }, "cam-x")]
    [InlineData(new[] { "device" }, "bad/id")]
    public async Task CreateKey_DeviceWithoutDeviceRoleOrWithABadId_IsRefused(string[] roles, string device)
    {
        using var http = _hub.Http(SecureHub.BootstrapKey);

        using var response = await http.PostAsJsonAsync("/admin/v1/keys", new { name = "bad", roles, device }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("device binds a key with role 'device' to one device id", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<PublishAck> PublishAsync(Metadata credentials, string deviceId, string eventId)
    {
        using var channel = _hub.Channel();
        var request = new PublishRequest { DeviceId = deviceId, Fleet = "default" };
        request.Events.Add(new Event { Id = eventId, Kind = "event", Type = "test.tick", CreatedUnixMs = 1, Sequence = 1, Payload = ByteString.CopyFromUtf8("{}") });
        return await new EventIngest.EventIngestClient(channel).PublishAsync(request, credentials, cancellationToken: TestContext.Current.CancellationToken);
    }
}
