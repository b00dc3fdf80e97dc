using System.Net.Http.Json;
using System.Text.Json;
using EdgeCloud.Fleet.Tests.Infrastructure;
using MQTTnet;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// Revoking an enrolled device (<c>POST /admin/v1/devices/{id}/revoke</c>) on a hub with security on: its live
/// MQTT session on the embedded broker is closed at once, and its old secret no longer logs in.
/// </summary>
public sealed class RevocationTests
{
    [Fact]
    public async Task Revoke_ConnectedDevice_SessionClosedAndOldSecretRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]));

        // Enrolled through the admin API as an operator would; the hub generates the secret.
        using var enroll = await fleet.Hub.Http.PostAsJsonAsync("/admin/v1/devices", new { id = "dev-r" }, ct);
        await AdminApi.EnsureAsync(enroll);
        var secret = JsonDocument.Parse(await enroll.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("secret").GetString()!;
        Assert.False(string.IsNullOrEmpty(secret));

        var (client, options) = fleet.RawClient("dev-r", secret);
        using var _ = client;
        var closed = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += args =>
        {
            closed.TrySetResult(args);
            return Task.CompletedTask;
        };
        var connected = await client.ConnectAsync(options, ct);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);

        using var revoke = await fleet.Hub.Http.PostAsync("/admin/v1/devices/dev-r/revoke", content: null, ct);
        await AdminApi.EnsureAsync(revoke);
        Assert.True(JsonDocument.Parse(await revoke.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("disconnected").GetBoolean());

        var disconnected = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(MqttClientDisconnectReason.NotAuthorized, disconnected.Reason);
        Assert.False(client.IsConnected);

        var (again, againOptions) = fleet.RawClient("dev-r", secret);
        using var __ = again;
        var refused = await again.ConnectAsync(againOptions, ct);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.False(again.IsConnected);
        Assert.True(fleet.Counters.Snapshot().AuthenticationFailures >= 1, "the refused login was not counted");
    }
}
