using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The drain side: read the head in order, forget what the hub acknowledged, drop by age.</summary>
internal sealed partial class SqliteOutbox
{
    /// <summary>The oldest undelivered events, in order: at most <see cref="OutboxOptions.DrainBatchSize"/> and about <see cref="OutboxOptions.DrainBatchBytes"/>.</summary>
    public IReadOnlyList<StoredEvent> ReadBatch()
    {
        var batch = new List<StoredEvent>();
        using var lease = _database.RentReader();
        using var reader = lease.Command(OutboxSql.Batch).Set("$limit", _options.DrainBatchSize).ExecuteReader();
        long bytes = 0;
        while (reader.Read())
        {
            var payload = reader.GetFieldValue<byte[]>(4);
            if (batch.Count > 0 && bytes + payload.Length > _options.DrainBatchBytes)
            {
                break;
            }

            bytes += payload.Length;
            batch.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), payload, reader.GetInt64(5)));
        }

        return batch;
    }

    /// <summary>Forgets the events of <paramref name="batch"/> whose ids the hub stored; returns how many.</summary>
    /// <remarks>
    /// Committed relaxed (<c>synchronous=NORMAL</c>): losing this delete to a power cut only re-sends
    /// events the hub already holds, and the hub ignores repeats.
    /// </remarks>
    public async ValueTask<long> AcknowledgeAsync(IReadOnlyList<StoredEvent> batch, IReadOnlySet<string> storedIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(storedIds);
        using var transaction = await _database.BeginWriteAsync(WriteDurability.Relaxed, cancellationToken).ConfigureAwait(false);
        var removed = default(Removal);
        foreach (var stored in batch)
        {
            if (storedIds.Contains(stored.Id))
            {
                removed += Delete(transaction.Command(OutboxSql.DeleteOne).Set("$seq", stored.Sequence));
            }
        }

        var oldest = ReadOldest(transaction);
        transaction.Commit();
        Interlocked.Add(ref _pendingEvents, -removed.Events);
        Interlocked.Add(ref _pendingBytes, -removed.Bytes);
        Interlocked.Exchange(ref _oldestPendingMs, oldest);
        Interlocked.Add(ref _delivered, removed.Events);
        return removed.Events;
    }

    /// <summary>Drops undelivered events older than <see cref="OutboxOptions.MaxAge"/>, counting them (reason <c>age</c>).</summary>
    /// <remarks>
    /// Age is judged from the head: events are in acceptance order, so the expired ones are the first
    /// ones. An event accepted before a backwards clock step waits until it reaches the head.
    /// </remarks>
    public async ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = _timeProvider.GetUtcNow().Subtract(_options.MaxAge).ToUnixTimeMilliseconds();
        if (Interlocked.Read(ref _oldestPendingMs) >= cutoff)
        {
            return 0;
        }

        using var transaction = await _database.BeginWriteAsync(WriteDurability.Relaxed, cancellationToken).ConfigureAwait(false);
        var firstYoung = transaction.Command(OutboxSql.FirstYoung).Set("$cutoff", cutoff).ExecuteScalar();
        var removed = firstYoung is long seq
            ? Delete(transaction.Command(OutboxSql.DeleteBefore).Set("$seq", seq))
            : Delete(transaction.Command(OutboxSql.DeleteAll));
        if (removed.Events > 0)
        {
            RecordDrop(transaction, DropReasons.Age, removed);
        }

        var oldest = ReadOldest(transaction);
        transaction.Commit();
        Interlocked.Add(ref _pendingEvents, -removed.Events);
        Interlocked.Add(ref _pendingBytes, -removed.Bytes);
        Interlocked.Exchange(ref _oldestPendingMs, oldest);
        CountDropped(DropReasons.Age, removed);
        if (removed.Events > 0)
        {
            Log.DroppedByAge(_logger, removed.Events, removed.Bytes, _options.MaxAge);
        }

        return removed.Events;
    }

    private static Removal Delete(SqliteCommand command)
    {
        var removed = default(Removal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            removed += new Removal(1, reader.GetInt64(0));
        }

        return removed;
    }

    private static long ReadOldest(WriteTransaction transaction) =>
        transaction.Command(OutboxSql.Oldest).ExecuteScalar() is long created ? created : long.MaxValue;

    private static void RecordDrop(WriteTransaction transaction, string reason, Removal removed) =>
        transaction.Command(OutboxSql.CountDrop)
            .Set("$reason", reason)
            .Set("$events", removed.Events)
            .Set("$bytes", removed.Bytes)
            .ExecuteNonQuery();

    private void CountDropped(string reason, Removal removed)
    {
        if (removed.Events == 0)
        {
            return;
        }

        if (reason == DropReasons.Age)
        {
            Interlocked.Add(ref _droppedByAge, removed.Events);
            Interlocked.Add(ref _droppedBytesByAge, removed.Bytes);
        }
        else
        {
            Interlocked.Add(ref _droppedByCapacity, removed.Events);
            Interlocked.Add(ref _droppedBytesByCapacity, removed.Bytes);
            Log.DroppedForCapacity(_logger, removed.Events, removed.Bytes, _options.MaxBytes);
        }
    }
}
