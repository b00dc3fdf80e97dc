using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Versioned desired documents per device and per group. Every change gets the next version, is stored
/// (with its history, for rollback) before it is published retained, and all are republished whenever
/// the broker (re)connects, so a device always finds the latest full document.
/// </summary>
internal sealed class DesiredStateService
{
    private readonly HubDatabase _database;
    private readonly IFleetBroker _broker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<(string Fleet, string Scope), (DesiredScope Scope, DesiredDocument Document)> _latest = new();

    public DesiredStateService(HubDatabase database, IFleetBroker broker, TimeProvider time, ILogger<DesiredStateService> logger)
    {
        _database = database;
        _broker = broker;
        _time = time;
        _logger = logger;
        Load();
        broker.OnConnected(RepublishAllAsync);
    }

    public DesiredDocument? Get(DesiredScope scope) => _latest.TryGetValue((scope.Fleet, scope.Key), out var entry) ? entry.Document : null;

    public IReadOnlyList<(DesiredScope Scope, DesiredDocument Document)> All() => [.. _latest.Values];

    /// <summary>A stored earlier version, or null.</summary>
    public DesiredDocument? GetVersion(DesiredScope scope, long version) => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT document FROM desired WHERE fleet = $f AND scope = $s AND version = $v";
        command.Parameters.AddWithValue("$f", scope.Fleet);
        command.Parameters.AddWithValue("$s", scope.Key);
        command.Parameters.AddWithValue("$v", version);
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, FleetJsonContext.Default.DesiredDocument) : null;
    });

    /// <summary>Replaces the scope's config; models stay.</summary>
    public Task<DesiredDocument> SetConfigAsync(DesiredScope scope, JsonObject config, CancellationToken cancellationToken) =>
        ChangeAsync(scope, current => (config, current?.Models), patch: null, cancellationToken);

    /// <summary>Merges <paramref name="patch"/> into the scope's config and publishes the patch before the full document.</summary>
    public Task<DesiredDocument> PatchConfigAsync(DesiredScope scope, JsonObject patch, CancellationToken cancellationToken) =>
        ChangeAsync(scope, current => (JsonMergePatch.Apply(current?.Config, patch), current?.Models), patch, cancellationToken);

    /// <summary>Sets (or replaces, by name) one model of the scope.</summary>
    public Task<DesiredDocument> SetModelAsync(DesiredScope scope, ModelManifest manifest, CancellationToken cancellationToken) =>
        ChangeAsync(scope, current => (current?.Config, [.. (current?.Models ?? []).Where(m => m.Name != manifest.Name), manifest]), patch: null, cancellationToken);

    /// <summary>Replaces the scope's whole content (config and models) with <paramref name="content"/> under a new version.</summary>
    public Task<DesiredDocument> RestoreAsync(DesiredScope scope, DesiredDocument? content, CancellationToken cancellationToken) =>
        ChangeAsync(scope, _ => (content?.Config, content?.Models), patch: null, cancellationToken);

    private async Task<DesiredDocument> ChangeAsync(
        DesiredScope scope, Func<DesiredDocument?, (JsonObject? Config, IReadOnlyList<ModelManifest>? Models)> change, JsonObject? patch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = Get(scope);
            var (config, models) = change(current);
            var document = new DesiredDocument(FleetSchema.Current, (current?.Version ?? 0) + 1, config, models);
            var json = JsonSerializer.Serialize(document, FleetJsonContext.Default.DesiredDocument);
            _database.Write((c, t) =>
            {
                using var command = c.CreateCommand();
                command.Transaction = t;
                command.CommandText = "INSERT INTO desired (fleet, scope, version, document, updated_at) VALUES ($f, $s, $v, $d, $now)";
                command.Parameters.AddWithValue("$f", scope.Fleet);
                command.Parameters.AddWithValue("$s", scope.Key);
                command.Parameters.AddWithValue("$v", document.Version);
                command.Parameters.AddWithValue("$d", json);
                command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                command.ExecuteNonQuery();
            });
            _latest[(scope.Fleet, scope.Key)] = (scope, document);
            Log.DesiredChanged(_logger, scope.ToString(), document.Version);

            if (patch is not null && current is not null)
            {
                var message = new DesiredPatch(FleetSchema.Current, document.Version, current.Version, patch, null);
                await _broker.PublishAsync(scope.Topic(FleetTopics.DesiredPatch), FleetPayload.Write(message, FleetJsonContext.Default.DesiredPatch), retain: false, cancellationToken);
            }

            await _broker.PublishAsync(scope.Topic(), FleetPayload.Write(document, FleetJsonContext.Default.DesiredDocument), retain: true, cancellationToken);
            return document;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RepublishAllAsync(CancellationToken cancellationToken)
    {
        foreach (var (scope, document) in _latest.Values)
        {
            await _broker.PublishAsync(scope.Topic(), FleetPayload.Write(document, FleetJsonContext.Default.DesiredDocument), retain: true, cancellationToken);
        }
    }

    private void Load() => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT fleet, scope, document FROM desired d WHERE version = (SELECT MAX(version) FROM desired WHERE fleet = d.fleet AND scope = d.scope)";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var fleet = reader.GetString(0);
            var key = reader.GetString(1);
            var separator = key.IndexOf(':', StringComparison.Ordinal);
            var scope = new DesiredScope(fleet, key[..separator] == "device" ? DesiredScopeKind.Device : DesiredScopeKind.Group, key[(separator + 1)..]);
            var document = JsonSerializer.Deserialize(reader.GetString(2), FleetJsonContext.Default.DesiredDocument)!;
            _latest[(fleet, key)] = (scope, document);
        }

        return 0;
    });
}
