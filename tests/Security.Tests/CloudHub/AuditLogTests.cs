using System.Net.Http.Json;
using System.Text.Json;
using EdgeCloud.CloudHub.Security;
using EdgeCloud.Security.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>The audit log is hash-chained: it verifies as written, and an edited, deleted or reordered row is found.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public void Read_Untouched_Verifies()
    {
        using var database = new SecurityDatabase(Directory.CreateTempSubdirectory("edgecloud-audit-").FullName);
        var log = new AuditLog(database, new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        log.Append("key:aaa", "device.enroll", "/admin/v1/devices", "201");
        log.Append("key:aaa", "model.publish", "/admin/v1/models/m/versions/1/publish", "201");
        log.Append("jwt:bob", "key.revoke", "key:bbb", "204");

        var report = log.Read();

        Assert.True(report.Verified);
        Assert.Null(report.BrokenAt);
        Assert.Equal([1L, 2L, 3L], report.Entries.Select(e => e.Sequence));
        Assert.Equal(report.Entries[0].Hash, report.Entries[1].PreviousHash);
    }

    [Theory]
    [InlineData("UPDATE audit SET actor = 'mallory' WHERE seq = 2", 2L)]
    [InlineData("UPDATE audit SET result = '200' WHERE seq = 1", 1L)]
    [InlineData("DELETE FROM audit WHERE seq = 2", 3L)]
    [InlineData("UPDATE audit SET at = at + 1 WHERE seq = 3", 3L)]
    public void Read_AfterARowIsEditedInTheFile_ReportsTheFirstBrokenEntry(string tamper, long brokenAt)
    {
        var folder = Directory.CreateTempSubdirectory("edgecloud-audit-").FullName;
        using var database = new SecurityDatabase(folder);
        var log = new AuditLog(database, new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        log.Append("key:aaa", "device.enroll", "/admin/v1/devices", "201");
        log.Append("key:aaa", "config.change", "/admin/v1/devices/d1/config", "200");
        log.Append("key:aaa", "rollout.start", "/admin/v1/rollouts", "202");
        using (var attacker = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            attacker.Open();
            using var command = attacker.CreateCommand();
            command.CommandText = tamper;
            command.ExecuteNonQuery();
        }

        var report = log.Read();

        Assert.False(report.Verified);
        Assert.Equal(brokenAt, report.BrokenAt);
    }

    [Fact]
    public async Task AdminActions_OverRest_AreAuditedWithActorAndResult_AndTheChainVerifies()
    {
        await using var hub = await SecureHub.StartAsync();
        var (id, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["admin"]);
        using var admin = hub.Http(key);
        var ct = TestContext.Current.CancellationToken;
        using (var enroll = await admin.PostAsJsonAsync("/admin/v1/devices", new { id = "cam-1" }, ct))
        {
            enroll.EnsureSuccessStatusCode();
        }

        using (var denied = await hub.Http().PostAsJsonAsync("/admin/v1/devices", new { id = "cam-2" }, ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, denied.StatusCode);
        }

        await AdminApi.RevokeKeyAsync(hub, SecureHub.BootstrapKey, id);

        using var json = JsonDocument.Parse(await hub.Http(SecureHub.BootstrapKey).GetStringAsync("/admin/v1/audit", ct));
        var entries = json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Target: e.GetProperty("target").GetString(), Result: e.GetProperty("result").GetString()))
            .ToList();
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
        Assert.Contains(("key:bootstrap", "key.create", $"key:{id}", "201"), entries);
        Assert.Contains(($"key:{id}", "device.enroll", "/admin/v1/devices", "201"), entries);
        Assert.Contains(("anonymous", "device.enroll", "/admin/v1/devices", "401"), entries);
        Assert.Contains(("key:bootstrap", "key.revoke", $"/admin/v1/keys/{id}", "204"), entries);
    }
}
