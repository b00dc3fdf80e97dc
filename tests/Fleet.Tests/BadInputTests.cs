using System.Text;
using System.Text.Json.Nodes;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.EdgeAgent.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests;

/// <summary>
/// Malformed, oversized and unknown-schema payloads, and publishes to forbidden topics, are refused,
/// logged and counted by whoever receives them; neither the agent nor the hub stops serving.
/// </summary>
public sealed class BadInputTests
{
    private const int OversizedBytes = 300 * 1024; // over the 256 KiB default on both sides

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task BadDesiredAndCommandPayloads_AgentRefusesCountsAndReports_KeepsServing(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []));
        var agent = await fleet.StartAgentAsync("dev-a", [], seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls"));
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);
        var ct = TestContext.Current.CancellationToken;
        var (client, options) = fleet.RawClient(FleetIdentities.Operator, FleetEnvironment.HubPassword, "operator-" + Guid.NewGuid().ToString("N")[..8]);
        using var _ = client;
        await client.ConnectAsync(options, ct);
        var desired = FleetTopics.Device("default", "dev-a", FleetTopics.Desired);
        var command = FleetTopics.Device("default", "dev-a", FleetTopics.Command);

        await PublishAsync(client, desired, "{\"schema\":1,\"version\":"u8.ToArray());
        await PublishAsync(client, desired, "{\"schema\":99,\"version\":7}"u8.ToArray());
        await PublishAsync(client, desired, Oversized());
        await PublishAsync(client, command, "[1,2,3]"u8.ToArray());
        await PublishAsync(client, command, "{\"schema\":1,\"id\":42}"u8.ToArray());

        // Fence: a valid document after the bad ones; the agent handles its inbox in order.
        await fleet.Desired.SetConfigAsync(DesiredScope.Device("default", "dev-a"), new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = 0.6 } }, ct);
        var device = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("device") == 1);

        var counters = agent.Services.GetRequiredService<FleetAgentCounters>();
        Assert.Equal(3, counters.RejectedCount(FleetRejectReason.Malformed));
        Assert.Equal(1, counters.RejectedCount(FleetRejectReason.UnknownSchema));
        Assert.Equal(1, counters.RejectedCount(FleetRejectReason.Oversized));
        Assert.Contains(device.Reported!.Rejected, r => r.Scope == "device" && r.Reason.StartsWith("Malformed:", StringComparison.Ordinal));
        Assert.Contains(device.Reported.Rejected, r => r.Scope == "device" && r.Reason.StartsWith("UnknownSchema:", StringComparison.Ordinal));
        var response = await agent.Client.ModelInferAsync(InferRequests.OcrCls(1), cancellationToken: ct);
        Assert.Equal("ocr-cls", response.ModelName);
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task BadReportsAndForbiddenTopics_HubRefusesAndCounts_KeepsServing(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, new HubSetup(["ocr-cls"]), ("dev-a", []), ("dev-b", []));
        await AclTests.WaitForHubLinkAsync(fleet);
        var ct = TestContext.Current.CancellationToken;
        var (client, options) = fleet.RawClient("dev-b", fleet.Secrets["dev-b"]);
        using var _ = client;
        await client.ConnectAsync(options, ct);
        var reported = FleetTopics.Device("default", "dev-b", FleetTopics.Reported);

        var malformed = await PublishAsync(client, reported, "{\"schema\":1,"u8.ToArray());
        var wrongType = await PublishAsync(client, FleetTopics.Device("default", "dev-b", FleetTopics.Telemetry), "\"just a string\""u8.ToArray());
        var unknownSchema = await PublishAsync(client, reported, "{\"schema\":2,\"applied\":{}}"u8.ToArray());
        var oversized = await PublishAsync(client, reported, Oversized());
        var othersReport = await PublishAsync(client, FleetTopics.Device("default", "dev-a", FleetTopics.Reported), Report(1));
        var ownDesired = await PublishAsync(client, FleetTopics.Device("default", "dev-b", FleetTopics.Desired), "{}"u8.ToArray());

        // Fence: dev-b's valid report is taken in after everything above.
        await PublishAsync(client, reported, Report(5));
        var device = await fleet.WaitForDeviceAsync("dev-b", d => d.Reported is not null);

        Assert.Equal(5, device.Reported!.Applied["device"]);
        Assert.True(fleet.Registry.TryGet("dev-a", out var a) && a.Reported is null, "dev-b's forged report reached dev-a's record");
        Assert.Equal(2, fleet.Counters.RejectedCount(FleetRejectReason.Malformed));
        Assert.Equal(1, fleet.Counters.RejectedCount(FleetRejectReason.UnknownSchema));
        Assert.Equal(1, fleet.Counters.RejectedCount(FleetRejectReason.Oversized));
        Assert.False(othersReport.IsSuccess, $"publish to dev-a's report topic: {othersReport.ReasonCode}");
        Assert.False(ownDesired.IsSuccess, $"publish to its own desired topic: {ownDesired.ReasonCode}");
        if (broker == BrokerKind.Embedded)
        {
            // The embedded broker answers each refusal in the PUBACK and counts the ACL ones; mosquitto's ACL refuses before the hub sees them.
            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, malformed.ReasonCode);
            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, wrongType.ReasonCode);
            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, unknownSchema.ReasonCode);
            Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, oversized.ReasonCode);
            Assert.Equal(2, fleet.Counters.RejectedCount(FleetRejectReason.ForbiddenTopic));
        }

        using var stats = await fleet.Hub.Http.GetAsync("/admin/v1/stats", ct);
        await AdminApi.EnsureAsync(stats);
        var inference = await fleet.Hub.Client.ModelInferAsync(InferRequests.OcrCls(2), cancellationToken: ct);
        Assert.Equal("ocr-cls", inference.ModelName);
    }

    private static async Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);

    private static byte[] Oversized() => Encoding.UTF8.GetBytes("{\"schema\":1,\"pad\":\"" + new string('x', OversizedBytes) + "\"}");

    private static byte[] Report(long applied) =>
        FleetPayload.Write(new ReportedState(FleetSchema.Current, new Dictionary<string, long> { ["device"] = applied }, [], [], [], 0), FleetJsonContext.Default.ReportedState);
}
