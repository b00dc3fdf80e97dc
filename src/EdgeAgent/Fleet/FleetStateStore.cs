using System.Globalization;
using System.Text.Json;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// The agent's fleet state in <c>agent.db</c>: the birth/death sequence (incremented and committed
/// before each MQTT session) and the last-known-good desired document per scope, used at boot so the
/// device runs its last accepted settings even before it reaches the broker.
/// </summary>
internal sealed class FleetStateStore(EdgeDatabase database, TimeProvider time) : IBirthSequence
{
    private const string BdSeqKey = "bdseq";
    private const string LastKnownGoodPrefix = "lkg:";
    private int _ensured;

    public async ValueTask<long> NextAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        using var write = await database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken);
        var current = write.Command("SELECT value FROM fleet_state WHERE key = $k").Set("$k", BdSeqKey).ExecuteScalar() as string;
        var next = current is null ? 0 : long.Parse(current, CultureInfo.InvariantCulture) + 1;
        Upsert(write, BdSeqKey, next.ToString(CultureInfo.InvariantCulture));
        write.Commit();
        return next;
    }

    public async ValueTask SaveLastKnownGoodAsync(string scope, DesiredDocument document, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        using var write = await database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken);
        Upsert(write, LastKnownGoodPrefix + scope, JsonSerializer.Serialize(document, FleetJsonContext.Default.DesiredDocument));
        write.Commit();
    }

    public async ValueTask<IReadOnlyDictionary<string, DesiredDocument>> LoadLastKnownGoodAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        using var read = database.RentReader();
        using var reader = read.Command("SELECT key, value FROM fleet_state WHERE key LIKE 'lkg:%'").ExecuteReader();
        var result = new Dictionary<string, DesiredDocument>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (JsonSerializer.Deserialize(reader.GetString(1), FleetJsonContext.Default.DesiredDocument) is { } document)
            {
                result[reader.GetString(0)[LastKnownGoodPrefix.Length..]] = document;
            }
        }

        return result;
    }

    /// <summary>Runs the (idempotent) schema once, in case the agent's migration list does not carry it yet.</summary>
    private async ValueTask EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ensured) != 0)
        {
            return;
        }

        using (var write = await database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken))
        {
            write.Command(FleetStateSchema.Sql).ExecuteNonQuery();
            write.Commit();
        }

        Volatile.Write(ref _ensured, 1);
    }

    private void Upsert(WriteTransaction write, string key, string value) =>
        write.Command("INSERT INTO fleet_state (key, value, updated_at) VALUES ($k, $v, $t) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .Set("$k", key).Set("$v", value).Set("$t", time.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQuery();
}
