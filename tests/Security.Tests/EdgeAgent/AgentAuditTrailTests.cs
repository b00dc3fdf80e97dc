using System.Globalization;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Security;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Security.Tests.EdgeAgent;

/// <summary>
/// End to end: the agent audits its own actions into its SQLite outbox while the hub is out of reach, and once the
/// link is back they appear in the hub's audit API with the device as actor, once each, the chain still verifying.
/// </summary>
public sealed class AgentAuditTrailTests
{
    private const string DeviceId = "cam-audit";

    [Fact]
    public async Task AgentActions_WhileTheLinkIsDown_ReachTheHubAuditLogWhenItIsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await SecureHub.StartAsync();
        var (_, hubKey) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer", "device"], device: DeviceId);
        var root = Directory.CreateTempSubdirectory("edgecloud-agent-audit-").FullName;
        var credential = WriteCredential(root, hubKey);
        var seed = Path.Combine(root, "seed");
        TestModels.CopyModel(SecureHub.Model, seed);
        var (_, agentKey) = ApiKeys.Generate();
        await using var proxy = new FaultProxy("127.0.0.1", hub.GrpcPort);
        proxy.Cut();
        await using var agent = await InProcessAgent.StartAsync(Path.Combine(root, "data"), seed, proxy.Endpoint, new Dictionary<string, string?>
        {
            ["Agent:DeviceId"] = DeviceId,
            ["Agent:BindAddress"] = "0.0.0.0",
            ["Agent:Security:ApiKeyHashes:0"] = Convert.ToHexStringLower(ApiKeys.Hash(agentKey)),
            ["Agent:Cloud:CredentialFile"] = credential,
            ["Agent:Cloud:AttemptTimeout"] = "00:00:00.500",
            ["Agent:Outbox:PublishTimeout"] = "00:00:00.500",
            ["Agent:Outbox:RetryMinDelay"] = "00:00:00.050",
            ["Agent:Outbox:RetryMaxDelay"] = "00:00:00.300",
        });

        // The actions: two callers the on-device API refuses (no key, a wrong key) while the hub is unreachable.
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => agent.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = SecureHub.Model }, cancellationToken: ct).ResponseAsync);
        using var wrong = await agent.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v2/models/{SecureHub.Model}") { Headers = { { "x-api-key", agentKey + "x" } } }, ct);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);

        var database = agent.Services.GetRequiredService<EdgeDatabase>().FilePath;
        var pending = await WaitAsync(() => Task.FromResult(AuditRows(database)), rows => rows.Count(r => r.Type == "api.refused") == 2, ct);
        Assert.Contains(pending, r => r.Type == "credential.load" && r.Payload.Contains("loaded (API key)", StringComparison.Ordinal));
        Assert.DoesNotContain(pending, r => r.Payload.Contains(hubKey, StringComparison.Ordinal) || r.Payload.Contains(agentKey, StringComparison.Ordinal));
        Assert.DoesNotContain((await AdminApi.AuditAsync(hub, SecureHub.BootstrapKey)).Entries, e => e.Actor == $"device:{DeviceId}");

        proxy.Pass();
        var (verified, entries) = await WaitAsync(
            () => AdminApi.AuditAsync(hub, SecureHub.BootstrapKey), a => a.Entries.Count(e => e.Actor == $"device:{DeviceId}") == pending.Count, ct);
        await WaitAsync(() => Task.FromResult(AuditRows(database)), rows => rows.Count == 0, ct); // acknowledged, so forgotten

        Assert.True(verified, "the audit chain no longer verifies");
        var mine = entries.Where(e => e.Actor == $"device:{DeviceId}").ToList();
        Assert.Equal(2, mine.Count(e => e.Action == "agent.api.refused" && e.Result.StartsWith("401", StringComparison.Ordinal)));
        Assert.Contains(mine, e => e.Action == "agent.api.refused" && e.Target == "POST /inference.GRPCInferenceService/ModelMetadata from 127.0.0.1");
        Assert.Contains(mine, e => e.Action == "agent.credential.load" && e.Target == Path.GetFullPath(credential) && e.Result == "loaded (API key)");
        Assert.DoesNotContain(mine, e => e.Result.Contains(hubKey, StringComparison.Ordinal) || e.Result.Contains(agentKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HubRefusesTheCredential_RefusalIsKeptInTheOutbox_AndReachesTheHubAfterARestartWithAGoodOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await SecureHub.StartAsync();
        var (foreignId, foreignKey) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["device"], device: "someone-else");
        var (_, ownKey) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["device"], device: DeviceId);
        var root = Directory.CreateTempSubdirectory("edgecloud-agent-audit-").FullName;
        var seed = Directory.CreateDirectory(Path.Combine(root, "seed")).FullName;
        var data = Path.Combine(root, "data");
        var settings = new Dictionary<string, string?>
        {
            ["Agent:DeviceId"] = DeviceId,
            ["Agent:Cloud:CredentialFile"] = WriteCredential(root, foreignKey),
            ["Agent:Outbox:RetryMinDelay"] = "00:00:00.050",
            ["Agent:Outbox:RetryMaxDelay"] = "00:00:00.300",
        };

        List<(string Type, string Payload)> kept;
        await using (var agent = await InProcessAgent.StartAsync(data, seed, hub.GrpcAddress, settings))
        {
            var database = agent.Services.GetRequiredService<EdgeDatabase>().FilePath;
            kept = await WaitAsync(() => Task.FromResult(AuditRows(database)), rows => rows.Any(r => r.Type == "credential.rejected"), ct);
        }

        settings["Agent:Cloud:CredentialFile"] = WriteCredential(root, ownKey);
        await using var restarted = await InProcessAgent.StartAsync(data, seed, hub.GrpcAddress, settings);
        var (verified, entries) = await WaitAsync(
            () => AdminApi.AuditAsync(hub, SecureHub.BootstrapKey), a => a.Entries.Any(e => e.Action == "agent.credential.rejected"), ct);

        Assert.Single(kept, r => r.Type == "credential.rejected");
        Assert.True(verified);
        var rejected = Assert.Single(entries, e => e.Action == "agent.credential.rejected");
        Assert.Equal($"device:{DeviceId}", rejected.Actor);
        Assert.Equal(hub.GrpcAddress, rejected.Target);
        Assert.Equal($"PermissionDenied: key:{foreignId} speaks for device 'someone-else'; expected device_id 'someone-else', got '{DeviceId}'", rejected.Result);
    }

    [Fact]
    public async Task OnDeviceApi_ApplicationEventOfTheAgentAuditKind_IsRefused()
    {
        var root = Directory.CreateTempSubdirectory("edgecloud-agent-audit-").FullName;
        await using var agent = await InProcessAgent.StartAsync(Path.Combine(root, "data"), Directory.CreateDirectory(Path.Combine(root, "seed")).FullName, "");
        var request = new Events.AppendEventRequest { Type = "config.apply", Kind = DeviceAuditRecord.Kind, PayloadJson = """{"schema":1,"action":"config.apply","target":"x","result":"forged"}""" };

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Events.AgentEvents.AgentEventsClient(agent.Channel).AppendAsync(request, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("kind: expected one of", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static string WriteCredential(string root, string key)
    {
        var path = Path.Combine(root, $"hub-{Guid.NewGuid():N}.key");
        File.WriteAllText(path, key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>The agent-audit rows still in the outbox, read from the database file itself.</summary>
    private static List<(string Type, string Payload)> AuditRows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, CAST(payload AS TEXT) FROM outbox WHERE kind = $kind ORDER BY seq";
        command.Parameters.AddWithValue("$kind", DeviceAuditRecord.Kind);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Polls <paramref name="read"/> (the outbox's own loop and drainer run on their own) until <paramref name="done"/>, for at most 30 s.</summary>
    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"still not done after 30 s: {value}"));
            }

            await Task.Delay(50, ct);
        }
    }
}
