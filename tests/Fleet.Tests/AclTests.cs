using System.Text.Json.Nodes;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests;

public sealed class AclTests
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task DeviceA_CannotReadBsDesired_NorPublishToBsReported(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []), ("dev-b", []));
        var ct = TestContext.Current.CancellationToken;
        await WaitForHubLinkAsync(fleet);
        await fleet.Desired.SetConfigAsync(DesiredScope.Device("default", "dev-b"), new JsonObject { ["Routing"] = new JsonObject() }, ct);
        await fleet.Desired.SetConfigAsync(DesiredScope.Device("default", "dev-a"), new JsonObject { ["Routing"] = new JsonObject() }, ct);

        var received = new List<string>();
        var ownDesired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, options) = fleet.RawClient("dev-a", fleet.Secrets["dev-a"]);
        using var _ = client;
        client.ApplicationMessageReceivedAsync += args =>
        {
            lock (received)
            {
                received.Add(args.ApplicationMessage.Topic);
            }

            if (args.ApplicationMessage.Topic == FleetTopics.Device("default", "dev-a", FleetTopics.Desired))
            {
                ownDesired.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(options, ct);

        var denied = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(FleetTopics.Device("default", "dev-b", FleetTopics.Desired), MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        if (broker == BrokerKind.Embedded)
        {
            // The embedded broker refuses at SUBSCRIBE; mosquitto 2.0 grants it and filters on delivery (the fence below).
            Assert.True((int)Assert.Single(denied.Items).ResultCode >= 0x80, $"subscription to B's desired was granted: {denied.Items.Single().ResultCode}");
        }

        // Fence: retained messages arrive in subscription order, so once A's own desired arrives, B's would have too.
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(FleetTopics.Device("default", "dev-a", FleetTopics.Desired), MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        await ownDesired.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        lock (received)
        {
            Assert.DoesNotContain(FleetTopics.Device("default", "dev-b", FleetTopics.Desired), received);
        }

        var forged = new ReportedState(FleetSchema.Current, new Dictionary<string, long> { ["device"] = 99 }, [], [], [], 0);
        var publish = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(FleetTopics.Device("default", "dev-b", FleetTopics.Reported))
            .WithPayload(FleetPayload.Write(forged, FleetJsonContext.Default.ReportedState))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        Assert.False(publish.IsSuccess, $"publish to B's reported was accepted: {publish.ReasonCode}");

        // Fence: A's own report reaches the hub after the forged one would have.
        var own = new ReportedState(FleetSchema.Current, new Dictionary<string, long> { ["device"] = 1 }, [], [], [], 0);
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(FleetTopics.Device("default", "dev-a", FleetTopics.Reported))
            .WithPayload(FleetPayload.Write(own, FleetJsonContext.Default.ReportedState))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported is not null);
        Assert.True(fleet.Registry.TryGet("dev-b", out var b));
        Assert.Null(b.Reported);
        if (broker == BrokerKind.Embedded)
        {
            Assert.True(fleet.Counters.RejectedCount(FleetRejectReason.ForbiddenTopic) >= 2);
        }
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task WrongSecret_IsRefusedAtConnect(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []));
        var (client, options) = fleet.RawClient("dev-a", "not-the-secret");
        using var _ = client;

        var result = await client.ConnectAsync(options, TestContext.Current.CancellationToken);

        // The embedded broker answers BadUserNameOrPassword; mosquitto 2.0 answers NotAuthorized.
        Assert.Contains(result.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
        Assert.False(client.IsConnected);
    }

    internal static async Task WaitForHubLinkAsync(FleetEnvironment fleet)
    {
        if (fleet.Kind == BrokerKind.Embedded)
        {
            return;
        }

        // The hub's link to mosquitto connects in the background; its retained presence shows it is up.
        var (client, options) = fleet.RawClient("hub", FleetEnvironment.HubPassword, "probe-" + Guid.NewGuid().ToString("N")[..8]);
        using var _ = client;
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += args =>
        {
            if (args.ApplicationMessage.ConvertPayloadToString().Contains("\"online\":true", StringComparison.Ordinal))
            {
                online.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(options, TestContext.Current.CancellationToken);
        await client.SubscribeAsync(FleetTopics.HubState("default"), MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        await online.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }
}
