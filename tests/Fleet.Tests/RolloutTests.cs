using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Fleet.Tests;

public sealed class RolloutTests
{
    [Fact]
    public async Task CanaryRefusesConfig_RolloutAbortsBeforeTheNextWave_AndRestoresTheCanary()
    {
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, ("dev-a", ["edge"]), ("dev-b", ["edge"]));
        var canary = await fleet.StartAgentAsync("dev-a", ["edge"]);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);
        var ct = TestContext.Current.CancellationToken;
        var before = canary.Services.GetRequiredService<IOptionsMonitor<EdgeRouteOptions>>().CurrentValue.ConfidenceThreshold;

        // ConfidenceThreshold must be 0-1: the canary (dev-a, the first of the two by id) refuses it.
        var request = new RolloutRequest("edge", Config: new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = 5.0 } }, CanaryPercent: 50, Waves: 1);
        using var started = await fleet.Hub.Http.PostAsJsonAsync("/admin/v1/rollouts", request, ct);
        await AdminApi.EnsureAsync(started);
        var id = (await started.Content.ReadFromJsonAsync<RolloutStatus>(ct))!.Id;
        await fleet.Hub.Services.GetRequiredService<RolloutManager>().WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(60), ct);
        var status = (await fleet.Hub.Http.GetFromJsonAsync<RolloutStatus>($"/admin/v1/rollouts/{id}", ct))!;

        Assert.Equal(RolloutStates.RolledBack, status.State);
        Assert.Equal(1, status.Wave);
        Assert.Equal(["dev-a"], status.Failed);
        Assert.Empty(status.Succeeded);
        Assert.Contains("refused desired version 1", status.Reason, StringComparison.Ordinal);
        Assert.Contains("ConfidenceThreshold", status.Reason, StringComparison.Ordinal);

        // The second wave was never touched, the group was never promoted, the canary's desired state is back to empty.
        Assert.Null(fleet.Desired.Get(DesiredScope.Device("default", "dev-b")));
        Assert.Null(fleet.Desired.Get(DesiredScope.Group("default", "edge")));
        var restored = fleet.Desired.Get(DesiredScope.Device("default", "dev-a"));
        Assert.NotNull(restored);
        Assert.Equal(2, restored.Version);
        Assert.Null(restored.Config);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("device") == 2);
        Assert.Equal(before, canary.Services.GetRequiredService<IOptionsMonitor<EdgeRouteOptions>>().CurrentValue.ConfidenceThreshold);
    }

    [Fact]
    public async Task OperatorAbort_WhileTheCanaryWaveWaits_RollsBackWithTheOperatorsReason()
    {
        // dev-a has no agent, so the canary wave waits (its timeout is an hour); the operator aborts it.
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, ("dev-a", ["edge"]));
        var ct = TestContext.Current.CancellationToken;
        var (watcher, options) = fleet.RawClient(FleetIdentities.Operator, FleetEnvironment.HubPassword, "watcher");
        using var _ = watcher;
        var canaryTouched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ApplicationMessageReceivedAsync += args =>
        {
            canaryTouched.TrySetResult();
            return Task.CompletedTask;
        };
        await watcher.ConnectAsync(options, ct);
        await watcher.SubscribeAsync(FleetTopics.Device("default", "dev-a", FleetTopics.Desired), MqttQualityOfServiceLevel.AtLeastOnce, ct);
        var request = new RolloutRequest("edge", Config: new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = 0.5 } }, WaveTimeout: TimeSpan.FromHours(1));
        using var started = await fleet.Hub.Http.PostAsJsonAsync("/admin/v1/rollouts", request, ct);
        await AdminApi.EnsureAsync(started);
        var id = (await started.Content.ReadFromJsonAsync<RolloutStatus>(ct))!.Id;
        await canaryTouched.Task.WaitAsync(TimeSpan.FromSeconds(30), ct); // the canary's desired state was published

        using var aborted = await fleet.Hub.Http.PostAsync($"/admin/v1/rollouts/{id}/abort", content: null, ct);
        await AdminApi.EnsureAsync(aborted);
        await fleet.Hub.Services.GetRequiredService<RolloutManager>().WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(30), ct);
        var status = (await fleet.Hub.Http.GetFromJsonAsync<RolloutStatus>($"/admin/v1/rollouts/{id}", ct))!;

        Assert.Equal(RolloutStates.RolledBack, status.State);
        Assert.Equal("aborted by the operator", status.Reason);
        Assert.Null(fleet.Desired.Get(DesiredScope.Device("default", "dev-a"))!.Config);
        Assert.Null(fleet.Desired.Get(DesiredScope.Group("default", "edge")));
    }
}
