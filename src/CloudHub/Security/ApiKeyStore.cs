using System.Collections.Concurrent;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Security;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// API keys scoped to roles, optionally expiring, revocable. Stored as sha256 in <see cref="SecurityDatabase"/>,
/// looked up in memory by the id embedded in the key and compared in constant time. The bootstrap admin
/// key (from configuration) is held as id <see cref="BootstrapId"/> and never written to disk.
/// </summary>
internal sealed class ApiKeyStore
{
    public const string BootstrapId = "bootstrap";

    private readonly SecurityDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, byte[] Hash)> _keys = new(StringComparer.Ordinal);

    public ApiKeyStore(SecurityDatabase database, TimeProvider time, string? bootstrapAdminKey)
    {
        _database = database;
        _time = time;
        Load();
        if (!string.IsNullOrEmpty(bootstrapAdminKey))
        {
            _keys[BootstrapId] = (new ApiKeyRecord(BootstrapId, "bootstrap admin (configuration)", [SecurityRoles.Admin], 0, null, null), ApiKeys.Hash(bootstrapAdminKey));
        }
    }

    public IReadOnlyList<ApiKeyRecord> List() => [.. _keys.Values.Select(k => k.Record).OrderBy(r => r.CreatedUnixMs).ThenBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>Creates a key; the returned key string is shown once and never stored.</summary>
    public (ApiKeyRecord Record, string Key) Create(string name, IReadOnlyList<string> roles, TimeSpan? lifetime, string? device = null)
    {
        if (roles.Count == 0 || roles.Any(r => !SecurityRoles.IsKnown(r)))
        {
            throw new ArgumentException($"roles must be one or more of {string.Join(", ", SecurityRoles.All)}; got [{string.Join(", ", roles)}]");
        }

        if (device is not null && (!FleetTopics.IsValidName(device) || !roles.Contains(SecurityRoles.Device)))
        {
            throw new ArgumentException($"device binds a key with role '{SecurityRoles.Device}' to one device id (1-64 of a-z A-Z 0-9 _ . -); got device '{device}' with roles [{string.Join(", ", roles)}]");
        }

        if (lifetime is { } l && l <= TimeSpan.Zero)
        {
            throw new ArgumentException("expiresInSeconds must be positive");
        }

        var (id, key) = ApiKeys.Generate();
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var record = new ApiKeyRecord(id, name, [.. roles.Distinct(StringComparer.Ordinal)], now, lifetime is { } life ? now + (long)life.TotalMilliseconds : null, null, device);
        var hash = ApiKeys.Hash(key);
        _database.Run(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, roles, key_hash, created_at, expires_at, device) VALUES ($id, $name, $roles, $hash, $now, $exp, $device)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$roles", string.Join(' ', record.Roles));
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$exp", (object?)record.ExpiresUnixMs ?? DBNull.Value);
            command.Parameters.AddWithValue("$device", (object?)device ?? DBNull.Value);
            return command.ExecuteNonQuery();
        });
        _keys[id] = (record, hash);
        return (record, key);
    }

    /// <summary>Revokes a key at once; false when there is no such key. The bootstrap key is revoked by removing it from configuration.</summary>
    public bool Revoke(string id)
    {
        if (id == BootstrapId || !_keys.TryGetValue(id, out var entry))
        {
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _database.Run(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteNonQuery();
        });
        _keys[id] = (entry.Record with { RevokedUnixMs = entry.Record.RevokedUnixMs ?? now }, entry.Hash);
        return true;
    }

    /// <summary>The caller a presented key stands for, or the reason it is refused (which never repeats the key).</summary>
    public AuthenticationOutcome Authenticate(string presented)
    {
        var id = ApiKeys.TryGetId(presented, out var parsed) ? parsed : BootstrapId;
        if (!_keys.TryGetValue(id, out var entry) || !ApiKeys.Matches(entry.Hash, presented))
        {
            return AuthenticationOutcome.Fail("the API key is not valid");
        }

        var record = entry.Record;
        if (record.RevokedUnixMs is not null)
        {
            return AuthenticationOutcome.Fail($"API key {record.Id} has been revoked");
        }

        if (record.ExpiresUnixMs is { } expires && _time.GetUtcNow().ToUnixTimeMilliseconds() >= expires)
        {
            return AuthenticationOutcome.Fail($"API key {record.Id} expired at {DateTimeOffset.FromUnixTimeMilliseconds(expires):O}");
        }

        return AuthenticationOutcome.Success(new Caller($"key:{record.Id}", record.Roles.ToHashSet(StringComparer.Ordinal), record.Device));
    }

    private void Load() => _database.Run(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT id, name, roles, key_hash, created_at, expires_at, revoked_at, device FROM api_keys";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var record = new ApiKeyRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7));
            _keys[record.Id] = (record, (byte[])reader[3]);
        }

        return 0;
    });
}
