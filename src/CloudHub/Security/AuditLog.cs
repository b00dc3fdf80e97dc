using EdgeCloud.Shared.Security;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// The hub's append-only, hash-chained audit log in <see cref="SecurityDatabase"/>: who did what to which
/// target, when (from <see cref="TimeProvider"/>) and with what result. <see cref="Read"/> re-checks the chain,
/// so a row edited in the database file is reported.
/// </summary>
internal sealed class AuditLog(SecurityDatabase database, TimeProvider time)
{
    public AuditEntry Append(string actor, string action, string target, string result) =>
        database.Run(c => Insert(c, null, actor, action, target, result));

    /// <summary>
    /// Appends a device's own entry, sent from its outbox as event <paramref name="eventId"/>, once: the entry and the
    /// record that this event is held commit together, so a re-sent event (the hub's answer was lost) appends nothing.
    /// The actor is <c>device:{deviceId}</c>. Returns false when the event was already held.
    /// </summary>
    public bool AppendFromDevice(string deviceId, string eventId, string action, string target, string result) => database.Run(c =>
    {
        using var transaction = c.BeginTransaction(deferred: false);
        using (var seen = c.CreateCommand())
        {
            seen.Transaction = transaction;
            seen.CommandText = "SELECT 1 FROM audit_sources WHERE device_id = $d AND event_id = $e";
            seen.Parameters.AddWithValue("$d", deviceId);
            seen.Parameters.AddWithValue("$e", eventId);
            if (seen.ExecuteScalar() is not null)
            {
                return false;
            }
        }

        var entry = Insert(c, transaction, $"device:{deviceId}", action, target, result);
        using (var source = c.CreateCommand())
        {
            source.Transaction = transaction;
            source.CommandText = "INSERT INTO audit_sources (device_id, event_id, seq) VALUES ($d, $e, $s)";
            source.Parameters.AddWithValue("$d", deviceId);
            source.Parameters.AddWithValue("$e", eventId);
            source.Parameters.AddWithValue("$s", entry.Sequence);
            source.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    });

    /// <summary>Every entry in order, whether the chain verifies, and the first entry that breaks it.</summary>
    public AuditReport Read() => database.Run(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT seq, at, actor, action, target, result, prev_hash, hash FROM audit ORDER BY seq";
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        var broken = AuditChain.FirstBroken(entries);
        return new AuditReport(broken is null, broken, entries);
    });

    private AuditEntry Insert(SqliteConnection c, SqliteTransaction? transaction, string actor, string action, string target, string result)
    {
        string previous;
        long sequence;
        using (var last = c.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
            using var reader = last.ExecuteReader();
            (sequence, previous) = reader.Read() ? (reader.GetInt64(0) + 1, reader.GetString(1)) : (1, AuditChain.Genesis);
        }

        var draft = new AuditEntry(sequence, time.GetUtcNow().ToUnixTimeMilliseconds(), actor, action, target, result, previous, "");
        var entry = draft with { Hash = AuditChain.Hash(previous, draft) };
        using var insert = c.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO audit (seq, at, actor, action, target, result, prev_hash, hash) VALUES ($s, $at, $actor, $action, $target, $result, $prev, $hash)";
        insert.Parameters.AddWithValue("$s", entry.Sequence);
        insert.Parameters.AddWithValue("$at", entry.UnixMs);
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.AddWithValue("$target", entry.Target);
        insert.Parameters.AddWithValue("$result", entry.Result);
        insert.Parameters.AddWithValue("$prev", entry.PreviousHash);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        insert.ExecuteNonQuery();
        return entry;
    }
}
