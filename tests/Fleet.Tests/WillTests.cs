using EdgeCloud.Fleet.Tests.Infrastructure;

namespace EdgeCloud.Fleet.Tests;

public sealed class WillTests
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task AgentKilledWithSigkill_BrokerPublishesWill_HubShowsOfflineWithTheSameBdSeq(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-k", []));
        using var agent = AgentProcess.Start(fleet, "dev-k");
        var online = await fleet.WaitForDeviceAsync("dev-k", d => d.Online, TimeSpan.FromSeconds(90));

        await agent.KillAsync();
        var offline = await fleet.WaitForDeviceAsync("dev-k", d => !d.Online, TimeSpan.FromSeconds(30));

        Assert.True(agent.HasExited);
        Assert.Equal(online.BdSeq, offline.BdSeq);
        Assert.True(online.BdSeq >= 0);
    }
}
