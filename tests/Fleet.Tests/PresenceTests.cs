using EdgeCloud.Fleet.Tests.Infrastructure;

namespace EdgeCloud.Fleet.Tests;

public sealed class PresenceTests
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task Agent_Connects_HubSeesBirthWithPersistedBdSeqThatGrowsPerSession(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []));

        var agent = await fleet.StartAgentAsync("dev-a", []);
        var first = await fleet.WaitForDeviceAsync("dev-a", d => d.Online);
        Assert.True(first.BdSeq >= 0);

        await agent.DisposeAsync(); // a clean stop says offline itself
        await fleet.WaitForDeviceAsync("dev-a", d => !d.Online);

        await fleet.StartAgentAsync("dev-a", []);
        var second = await fleet.WaitForDeviceAsync("dev-a", d => d.Online);
        Assert.Equal(first.BdSeq + 1, second.BdSeq);
    }
}
