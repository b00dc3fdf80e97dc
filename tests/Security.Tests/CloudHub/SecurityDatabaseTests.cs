using EdgeCloud.CloudHub.Security;
using EdgeCloud.Shared.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>A security.db written before API keys could be bound to a device opens, keeps its keys, and binds new ones.</summary>
public sealed class SecurityDatabaseTests
{
    [Fact]
    public void Open_DatabaseWithoutTheDeviceColumn_IsUpgradedInPlace()
    {
        var folder = Directory.CreateTempSubdirectory("edgecloud-secdb-").FullName;
        var (oldId, oldKey) = ApiKeys.Generate();
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, SecurityDatabase.FileName)};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL, key_hash BLOB NOT NULL,
                                       created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER) STRICT;
                INSERT INTO api_keys (id, name, roles, key_hash, created_at) VALUES ($id, 'old', 'device', $hash, 1);
                """;
            command.Parameters.AddWithValue("$id", oldId);
            command.Parameters.AddWithValue("$hash", ApiKeys.Hash(oldKey));
            command.ExecuteNonQuery();
        }

        using var database = new SecurityDatabase(folder);
        var (_, newKey) = new ApiKeyStore(database, new FakeTimeProvider(), null).Create("cam", [SecurityRoles.Device], null, "cam-1");
        var reloaded = new ApiKeyStore(database, new FakeTimeProvider(), null);

        Assert.Null(reloaded.Authenticate(oldKey).Caller!.Device);
        Assert.Equal("cam-1", reloaded.Authenticate(newKey).Caller!.Device);
    }
}
