using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// The agent audits what fleet management did to it — desired config applied and rejected, a signed model installed
/// and a tampered one refused, the last-known-good restored at the next start — through its outbox to the hub, whose
/// audit API shows them with the device as actor.
/// </summary>
public sealed class AgentAuditTrailTests
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task FleetActions_OnTheAgent_AppearInTheHubAuditLog_WithTheDeviceAsActor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]), ("dev-a", []));
        await AdminApi.PublishAsync(fleet.Hub.Http, "ocr-cls", "3"); // the hub writes its signing key's public half on first publish
        var trustKey = Path.Combine(fleet.Root, "hub-data", "model-signing.pub");
        var settings = new Dictionary<string, string?>
        {
            ["Agent:Security:ModelTrustKeyPath"] = trustKey,
            ["Agent:Cloud:Endpoint"] = fleet.Hub.GrpcAddress,
            ["Agent:Cloud:CredentialFile"] = await DeviceKeyFileAsync(fleet, "dev-a"),
            ["Agent:Outbox:RetryMinDelay"] = "00:00:00.050",
            ["Agent:Outbox:RetryMaxDelay"] = "00:00:00.300",
        };
        var agent = await fleet.StartAgentAsync("dev-a", [], settings, seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls"));
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null, UpdateTimeout);

        SignedModelUpdateTests.TamperStoredManifest(fleet, "ocr-cls", "3", "flipped byte");
        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "ocr-cls", "3"); // desired v1
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Error is not null) == true, UpdateTimeout);
        var scope = DesiredScope.Device("default", "dev-a");
        await fleet.Desired.SetConfigAsync(scope, new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = 0.8 } }, ct); // v2
        await fleet.Desired.SetConfigAsync(scope, new JsonObject { ["Routing"] = new JsonObject { ["ConfidenceThreshold"] = 5.0 } }, ct); // v3
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Rejected.Any(r => r.Version == 3) == true, UpdateTimeout);

        await agent.DisposeAsync();
        await fleet.StartAgentAsync("dev-a", [], settings, seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls")); // same data folder

        var entries = await WaitForAuditAsync(fleet, e => e.Any(x => x.Actor == "device:dev-a" && x.Target == "device v3")
                                                          && e.Any(x => x.Action == "agent.model.install") && e.Any(x => x.Action == "agent.config.restore"));

        Assert.Contains(entries, e => e == ("device:dev-a", "agent.config.apply", "device v2", "applied"));
        Assert.Contains(entries, e => e.Actor == "device:dev-a" && e.Action == "agent.config.apply" && e.Target == "device v3"
                                      && e.Result.StartsWith("rejected: ", StringComparison.Ordinal) && e.Result.Contains("ConfidenceThreshold", StringComparison.Ordinal));
        Assert.Contains(entries, e => e == ("device:dev-a", "agent.config.restore", "device v2", "last-known-good in force at start"));
        Assert.Contains(entries, e => e.Actor == "device:dev-a" && e.Action == "agent.model.install" && e.Target == "ocr-cls@3"
                                      && e.Result.StartsWith("refused: ", StringComparison.Ordinal) && e.Result.Contains("signature does not match", StringComparison.Ordinal));
    }

    /// <summary>An API key bound to the device (role device), in a 0600 file as the agent's hub credential.</summary>
    private static async Task<string> DeviceKeyFileAsync(FleetEnvironment fleet, string deviceId)
    {
        using var response = await fleet.Hub.Http.PostAsJsonAsync("/admin/v1/keys", new { name = deviceId, roles = new[] { "device" }, device = deviceId }, TestContext.Current.CancellationToken);
        await AdminApi.EnsureAsync(response);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var path = Path.Combine(fleet.Root, $"{deviceId}.key");
        await File.WriteAllTextAsync(path, json.RootElement.GetProperty("key").GetString(), TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>Reads <c>GET /admin/v1/audit</c> until <paramref name="done"/> holds (bounded); asserts the chain verifies.</summary>
    private static async Task<List<(string Actor, string Action, string Target, string Result)>> WaitForAuditAsync(
        FleetEnvironment fleet, Func<List<(string Actor, string Action, string Target, string Result)>, bool> done)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            using var json = JsonDocument.Parse(await fleet.Hub.Http.GetStringAsync("/admin/v1/audit", TestContext.Current.CancellationToken));
            Assert.True(json.RootElement.GetProperty("verified").GetBoolean(), "the audit chain does not verify");
            var entries = json.RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => (e.GetProperty("actor").GetString()!, e.GetProperty("action").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("result").GetString()!))
                .ToList();
            if (done(entries))
            {
                return entries;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < UpdateTimeout, $"the device's audit entries did not arrive; have: {string.Join("; ", entries)}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
