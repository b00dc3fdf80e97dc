using System.Buffers;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.TestUtilities.Fuzzing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// CI-sized fuzzing (fixed seed) of what an enrolled device can publish to the embedded broker: malformed JSON, invalid
/// UTF-8, oversized, unknown schema, wrong types, forbidden topics. Each is refused in its PUBACK and counted once by
/// the hub, and the device's session stays up (the bench's <c>fuzz</c> command runs the same generator at full size).
/// </summary>
public sealed class FleetPayloadFuzzTests
{
    private const int Cases = 600;

    [Theory]
    [InlineData("{\"schema\":1,\"id\":\"")]
    [InlineData("{\"schema\":1,\"applied\":{\"")]
    public void Read_InvalidUtf8InAString_IsMalformed(string prefix)
    {
        byte[] payload = [.. System.Text.Encoding.UTF8.GetBytes(prefix), 0xC3, 0x28, 0xFF, .. "\"}"u8];

        var ex = Assert.Throws<FleetPayloadException>(() => FleetPayload.Read(new ReadOnlySequence<byte>(payload), FleetJsonContext.Default.FleetCommandResult));

        Assert.Equal(FleetRejectReason.Malformed, ex.Reason);
    }

    [Fact]
    public void Read_InvalidUtf8InAnUnknownProperty_IsMalformed()
    {
        byte[] payload = [.. "{\"schema\":1,\"x\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];

        var ex = Assert.Throws<FleetPayloadException>(() => FleetPayload.Read(new ReadOnlySequence<byte>(payload), FleetJsonContext.Default.ReportedState));

        Assert.Equal(FleetRejectReason.Malformed, ex.Reason);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicePublishes_HostilePayloads_EachRefusedAndCountedOnce_SessionStaysUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, ("dev-f", []), ("dev-o", []));
        var (client, options) = fleet.RawClient("dev-f", fleet.Secrets["dev-f"]);
        using var clientScope = client;
        var disconnects = 0;
        client.DisconnectedAsync += args =>
        {
            Interlocked.Increment(ref disconnects);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(options, ct);
        var before = Enum.GetValues<FleetRejectReason>().Sum(fleet.Counters.RejectedCount);
        var mutator = new FleetPayloadMutator("default", "dev-f", "dev-o", 300 * 1024, seed: 1);

        var accepted = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var fuzz = mutator.NextFromDevice();
            var ack = await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(fuzz.Topic).WithPayload(fuzz.Payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            if (ack.IsSuccess)
            {
                accepted.Add($"#{i} {fuzz.Kind} on {fuzz.Topic}");
            }
        }

        Assert.Empty(accepted);
        Assert.Equal(0, Volatile.Read(ref disconnects));
        Assert.True(client.IsConnected);
        Assert.Equal(Cases, Enum.GetValues<FleetRejectReason>().Sum(fleet.Counters.RejectedCount) - before);
    }
}
