using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests;

/// <summary>
/// The embedded broker takes device reports in through its publish interceptor and keeps their retained copies
/// (written by one loop, off the devices' connections): an operator who subscribes later gets the latest one.
/// </summary>
public sealed class RetainedReportTests
{
    [Fact]
    public async Task DeviceReports_OperatorSubscribesLater_GetsTheLatestRetainedReport()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, ("dev-r", []));
        var (device, deviceOptions) = fleet.RawClient("dev-r", fleet.Secrets["dev-r"]);
        using var deviceScope = device;
        await device.ConnectAsync(deviceOptions, ct);
        var topic = FleetTopics.Device("default", "dev-r", FleetTopics.Reported);
        foreach (var version in (long[])[1, 2, 3])
        {
            var report = new ReportedState(FleetSchema.Current, new Dictionary<string, long> { ["device"] = version }, [], [], [], version);
            var ack = await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
                .WithPayload(FleetPayload.Write(report, FleetJsonContext.Default.ReportedState))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(true).Build(), ct);
            Assert.True(ack.IsSuccess, $"report {version} refused: {ack.ReasonCode}");
        }

        await fleet.WaitForDeviceAsync("dev-r", d => d.Reported?.Applied["device"] == 3);

        var latest = await ReadRetainedAsync(fleet, topic, ct);

        Assert.Equal(3, latest.Applied["device"]);
    }

    /// <summary>Subscribes as the operator until the retained report of version 3 arrives (the loop writes it moments after the intake took it).</summary>
    private static async Task<ReportedState> ReadRetainedAsync(FleetEnvironment fleet, string topic, CancellationToken ct)
    {
        var (client, options) = fleet.RawClient("hub", FleetEnvironment.HubPassword, "operator-" + Guid.NewGuid().ToString("N")[..8]);
        using var _ = client;
        var received = new TaskCompletionSource<ReportedState>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += args =>
        {
            var report = FleetPayload.Read(args.ApplicationMessage.Payload, FleetJsonContext.Default.ReportedState);
            if (args.ApplicationMessage.Retain && report.Applied["device"] == 3)
            {
                received.TrySetResult(report);
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(options, ct);
        for (var attempt = 1; ; attempt++)
        {
            await client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, ct);
            try
            {
                return await received.Task.WaitAsync(TimeSpan.FromSeconds(2), ct);
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await client.UnsubscribeAsync(topic, ct);
            }
        }
    }
}
