using System.Net.Http.Json;
using EdgeCloud.Fleet.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// The broker's side of the role matrix, on the hub's embedded broker with security on: who may connect, and which
/// topics a device may subscribe to and publish on. A device owns its subtree (reads its desired and commands, writes
/// its reports), reads its groups' desired documents but never writes them, and touches no other device, group, fleet
/// or hub topic; the operator login may do anything; unauthenticated and revoked logins are refused at CONNECT.
/// (<see cref="AclTests"/> checks the cross-device cases against mosquitto too.)
/// </summary>
public sealed class BrokerAclMatrixTests(BrokerAclMatrixTests.Broker broker) : IClassFixture<BrokerAclMatrixTests.Broker>
{
    private const string Root = "edgecloud/v1/default";

    public static TheoryData<string, string, bool> Topics() => new()
    {
        // subscribe: own subtree and own groups' desired only
        { "subscribe", $"{Root}/devices/dev-a/desired", true },
        { "subscribe", $"{Root}/devices/dev-a/desired/patch", true },
        { "subscribe", $"{Root}/devices/dev-a/cmd", true },
        { "subscribe", $"{Root}/devices/dev-a/#", true },
        { "subscribe", $"{Root}/groups/g1/desired", true },
        { "subscribe", $"{Root}/groups/g1/desired/patch", true },
        { "subscribe", $"{Root}/groups/g2/desired", false },
        { "subscribe", $"{Root}/devices/dev-b/desired", false },
        { "subscribe", $"{Root}/devices/dev-b/reported", false },
        { "subscribe", $"{Root}/devices/dev-b/cmd", false },
        { "subscribe", $"{Root}/devices/+/desired", false },
        { "subscribe", $"{Root}/devices/dev-a", false },
        { "subscribe", $"{Root}/hub/state", false },
        { "subscribe", $"{Root}/#", false },
        { "subscribe", "#", false },
        { "subscribe", "edgecloud/v1/other/devices/dev-a/desired", false },

        // publish: own report leaves only
        { "publish", $"{Root}/devices/dev-a/state", true },
        { "publish", $"{Root}/devices/dev-a/reported", true },
        { "publish", $"{Root}/devices/dev-a/telemetry", true },
        { "publish", $"{Root}/devices/dev-a/events", true },
        { "publish", $"{Root}/devices/dev-a/cmd/result", true },
        { "publish", $"{Root}/devices/dev-a/desired", false },
        { "publish", $"{Root}/devices/dev-a/desired/patch", false },
        { "publish", $"{Root}/devices/dev-a/cmd", false },
        { "publish", $"{Root}/devices/dev-b/reported", false },
        { "publish", $"{Root}/devices/dev-b/state", false },
        { "publish", $"{Root}/devices/dev-b/desired", false },
        { "publish", $"{Root}/groups/g1/desired", false },
        { "publish", $"{Root}/groups/g1/desired/patch", false },
        { "publish", $"{Root}/hub/state", false },
        { "publish", "edgecloud/v1/other/devices/dev-a/reported", false },
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public async Task Device_TopicAccess_IsAllowedOrDeniedAsDesigned(string operation, string topic, bool allowed)
    {
        var fleet = broker.Fleet;
        var (client, options) = fleet.RawClient("dev-a", fleet.Secrets["dev-a"]);
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options, TestContext.Current.CancellationToken)).ResultCode);

        var actual = operation == "subscribe" ? await SubscribeAsync(client, topic) : await PublishAsync(client, topic);

        Assert.True(allowed == actual, $"dev-a {operation} {topic}: expected {(allowed ? "allowed" : "denied")}, got {(actual ? "allowed" : "denied")}");
        await client.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("subscribe", $"{Root}/#")]
    [InlineData("subscribe", $"{Root}/devices/dev-b/reported")]
    [InlineData("publish", $"{Root}/devices/dev-b/desired")]
    [InlineData("publish", $"{Root}/groups/g1/desired")]
    public async Task Operator_AnyTopic_IsAllowed(string operation, string topic)
    {
        var (client, options) = broker.Fleet.RawClient("hub", FleetEnvironment.HubPassword, "operator-" + Guid.NewGuid().ToString("N")[..8]);
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options, TestContext.Current.CancellationToken)).ResultCode);

        Assert.True(operation == "subscribe" ? await SubscribeAsync(client, topic) : await PublishAsync(client, topic), $"operator {operation} {topic} was denied");
        await client.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("dev-a", "secret", "dev-a", MqttClientConnectResultCode.Success)]
    [InlineData("dev-a", "wrong", "dev-a", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("dev-a", "secret", "dev-b", MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [InlineData("dev-r", "secret", "dev-r", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("nobody", "wrong", "nobody", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("hub", "wrong", "operator-x", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(null, null, "anonymous", MqttClientConnectResultCode.BadUserNameOrPassword)]
    public async Task Connect_Login_IsAcceptedOrRefusedAsDesigned(string? user, string? password, string clientId, MqttClientConnectResultCode expected)
    {
        var fleet = broker.Fleet;
        var secret = password == "secret" ? fleet.Secrets[user!] : password;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fleet.MqttPort)
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (user is not null)
        {
            builder.WithCredentials(user, secret);
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var actual = (await client.ConnectAsync(builder.Build(), TestContext.Current.CancellationToken)).ResultCode;

        Assert.Equal(expected, actual);
        Assert.Equal(expected == MqttClientConnectResultCode.Success, client.IsConnected);
    }

    private static async Task<bool> SubscribeAsync(IMqttClient client, string filter)
    {
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), TestContext.Current.CancellationToken);
        return (int)Assert.Single(result.Items).ResultCode < 0x80;
    }

    /// <summary>Allowed unless the broker answers NotAuthorized: the ACL let it through (the hub's intake then judges the payload).</summary>
    private static async Task<bool> PublishAsync(IMqttClient client, string topic)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload("{}"u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), TestContext.Current.CancellationToken);
        return result.ReasonCode != MqttClientPublishReasonCode.NotAuthorized;
    }

    /// <summary>One secure hub with dev-a (group g1), dev-b (group g2) and dev-r, revoked through the admin API.</summary>
    public sealed class Broker : IAsyncLifetime
    {
        private FleetEnvironment? _fleet;

        public FleetEnvironment Fleet => _fleet ?? throw new InvalidOperationException("the fleet has not started");

        public async ValueTask InitializeAsync()
        {
            _fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]), ("dev-a", ["g1"]), ("dev-b", ["g2"]), ("dev-r", []));
            using var revoke = await _fleet.Hub.Http.PostAsync("/admin/v1/devices/dev-r/revoke", JsonContent.Create(new { }), TestContext.Current.CancellationToken);
            await AdminApi.EnsureAsync(revoke);
        }

        public async ValueTask DisposeAsync()
        {
            if (_fleet is not null)
            {
                await _fleet.DisposeAsync();
            }
        }
    }
}
