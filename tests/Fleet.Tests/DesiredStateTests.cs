using System.Text.Json.Nodes;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.EdgeAgent.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Routing.Edge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Fleet.Tests;

public sealed class DesiredStateTests
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task GroupAndDeviceConfig_AppliedHotAndReported_DeviceKeysWin(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", ["canary"]));
        var agent = await fleet.StartAgentAsync("dev-a", ["canary"]);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);
        var routing = agent.Services.GetRequiredService<IOptionsMonitor<EdgeRouteOptions>>();
        var ct = TestContext.Current.CancellationToken;

        await fleet.Desired.SetConfigAsync(DesiredScope.Group("default", "canary"), Config(0.9, "Debug"), ct);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("group:canary") == 1);
        Assert.Equal(0.9, routing.CurrentValue.ConfidenceThreshold);

        await fleet.Desired.SetConfigAsync(DesiredScope.Device("default", "dev-a"), Config(0.7, null), ct);
        var device = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("device") == 1);
        Assert.Equal(0.7, routing.CurrentValue.ConfidenceThreshold);
        Assert.Equal(1, device.Reported!.Applied["group:canary"]);
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task InvalidConfig_IsRejectedWithReason_LastKnownGoodStaysAndSurvivesRestart(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []));
        var agent = await fleet.StartAgentAsync("dev-a", []);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);
        var ct = TestContext.Current.CancellationToken;
        var scope = DesiredScope.Device("default", "dev-a");

        await fleet.Desired.SetConfigAsync(scope, Config(0.8, null), ct);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("device") == 1);
        await fleet.Desired.SetConfigAsync(scope, Config(5.0, null), ct);
        var rejected = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Rejected.Any(r => r.Version == 2) == true);

        var rejection = Assert.Single(rejected.Reported!.Rejected, r => r.Version == 2);
        Assert.Equal("device", rejection.Scope);
        Assert.Contains("ConfidenceThreshold", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(1, rejected.Reported.Applied["device"]);
        Assert.Equal(0.8, agent.Services.GetRequiredService<IOptionsMonitor<EdgeRouteOptions>>().CurrentValue.ConfidenceThreshold);
        Assert.Equal(1, agent.Services.GetRequiredService<FleetAgentCounters>().RejectedCount(Shared.Fleet.FleetRejectReason.Invalid));

        // Unknown sections and keys are refused too, by name.
        await fleet.Desired.SetConfigAsync(scope, new JsonObject { ["Routing"] = new JsonObject { ["NoSuchKey"] = 1 }, ["Gpu"] = new JsonObject() }, ct);
        var unknown = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Rejected.Any(r => r.Version == 3) == true);
        var reason = unknown.Reported!.Rejected.Single(r => r.Version == 3).Reason;
        Assert.Contains("NoSuchKey", reason, StringComparison.Ordinal);
        Assert.Contains("'Gpu'", reason, StringComparison.Ordinal);

        // The last-known-good is persisted and in force at the next boot, before the broker is reached.
        await agent.DisposeAsync();
        var restarted = await fleet.StartAgentAsync("dev-a", [], new Dictionary<string, string?> { ["Agent:Mqtt:Host"] = "127.0.0.1", ["Agent:Mqtt:Port"] = "1" });
        Assert.Equal(0.8, restarted.Services.GetRequiredService<IOptionsMonitor<EdgeRouteOptions>>().CurrentValue.ConfidenceThreshold);
    }

    private static JsonObject Config(double confidence, string? logLevel)
    {
        var config = new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = confidence } };
        if (logLevel is not null)
        {
            config["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = logLevel } };
        }

        return config;
    }
}
