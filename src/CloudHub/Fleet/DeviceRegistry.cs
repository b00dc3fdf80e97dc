using System.Collections.Concurrent;
using System.Text.Json;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The hub's devices. Reads come from memory; provisioning is written through at once, while presence,
/// reports and telemetry are marked dirty and written in batches by <see cref="RegistryFlusher"/> (DeviceRegistry.Flush.cs).
/// A will whose birth/death sequence is older than the device's current session is ignored.
/// </summary>
internal sealed partial class DeviceRegistry
{
    private readonly HubDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DeviceRecord> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (byte[] Salt, byte[] Hash)> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeviceRegistry(HubDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        Load();
    }

    public int Count => _devices.Count;

    public IEnumerable<DeviceRecord> All => _devices.Values;

    public bool TryGet(string id, out DeviceRecord device) => _devices.TryGetValue(id, out device!);

    /// <summary>Completes at the next change of any device (for waits that must not poll).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Registers (or re-keys) a device and returns its new secret; the secret itself is never stored.</summary>
    public string Provision(string id, string fleet, IReadOnlyList<string> groups, string? secret = null)
    {
        if (!FleetTopics.IsValidName(id) || !FleetTopics.IsValidName(fleet) || groups.Any(g => !FleetTopics.IsValidName(g)))
        {
            throw new ArgumentException($"device '{id}', fleet '{fleet}' and groups [{string.Join(", ", groups)}] must each be 1-64 of [A-Za-z0-9_.-]");
        }

        if (id == FleetIdentities.Operator)
        {
            throw new ArgumentException($"'{id}' is reserved for the operator identity");
        }

        secret = string.IsNullOrEmpty(secret) ? DeviceSecrets.Generate() : secret;
        var salt = DeviceSecrets.NewSalt();
        var hash = DeviceSecrets.Hash(salt, secret);
        var groupsJson = JsonSerializer.Serialize([.. groups], HubFleetJsonContext.Default.StringArray);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _database.Write((c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = """
                INSERT INTO devices (id, fleet, groups, secret_hash, salt, created_at) VALUES ($id, $fleet, $groups, $hash, $salt, $now)
                ON CONFLICT (id) DO UPDATE SET fleet = excluded.fleet, groups = excluded.groups, secret_hash = excluded.secret_hash, salt = excluded.salt
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$fleet", fleet);
            command.Parameters.AddWithValue("$groups", groupsJson);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$salt", salt);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
        });
        _secrets[id] = (salt, hash);
        _devices.AddOrUpdate(
            id,
            static (key, s) => new DeviceRecord(key, s.fleet, s.groups, false, 0, -1, null, null),
            static (_, existing, s) => existing with { Fleet = s.fleet, Groups = s.groups },
            (fleet, groups: (IReadOnlyList<string>)[.. groups]));
        Signal();
        return secret;
    }

    /// <summary>The device when <paramref name="secret"/> is its secret; null otherwise (unknown device or wrong secret).</summary>
    public DeviceRecord? Authenticate(string? id, string? secret) =>
        id is not null && _secrets.TryGetValue(id, out var stored) && DeviceSecrets.Verify(stored.Salt, stored.Hash, secret)
            && _devices.TryGetValue(id, out var device)
            ? device
            : null;

    /// <summary>Applies a birth or a will. Returns false for a will of an older session (ignored).</summary>
    public bool OnState(string id, StateMessage state)
    {
        var applied = false;
        Update(id, device =>
        {
            if (!state.Online && state.BdSeq != device.BdSeq)
            {
                return device; // a late will of an earlier session: the newer session is still online
            }

            applied = true;
            return device with { Online = state.Online, BdSeq = state.BdSeq };
        });
        return applied;
    }

    public void OnReported(string id, ReportedState reported) => Update(id, d => d with { Reported = reported });

    public void OnTelemetry(string id, TelemetryMessage telemetry) => Update(id, d => d with { Telemetry = telemetry });

    /// <summary>Marks a device offline after its connection closed without a will (e.g. a clean disconnect).</summary>
    public void OnDisconnected(string id) => Update(id, d => d with { Online = false });

    private void Update(string id, Func<DeviceRecord, DeviceRecord> change)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        while (_devices.TryGetValue(id, out var current))
        {
            var next = change(current) with { LastSeen = now };
            if (_devices.TryUpdate(id, next, current))
            {
                _dirty[id] = 0;
                Signal();
                return;
            }
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private void Load() => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT id, fleet, groups, secret_hash, salt, online, last_seen, bd_seq, reported, telemetry FROM devices";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            _secrets[id] = ((byte[])reader[4], (byte[])reader[3]);
            _devices[id] = new DeviceRecord(
                id,
                reader.GetString(1),
                JsonSerializer.Deserialize(reader.GetString(2), HubFleetJsonContext.Default.StringArray) ?? [],
                reader.GetInt64(5) != 0,
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.IsDBNull(8) ? null : JsonSerializer.Deserialize(reader.GetString(8), FleetJsonContext.Default.ReportedState),
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize(reader.GetString(9), FleetJsonContext.Default.TelemetryMessage));
        }

        return 0;
    });
}
