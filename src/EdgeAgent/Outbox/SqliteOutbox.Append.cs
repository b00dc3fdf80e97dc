using EdgeCloud.EdgeAgent.Storage;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Group commit: one loop turns every queued append into one durable transaction.</summary>
internal sealed partial class SqliteOutbox
{
    private async Task WriteLoopAsync()
    {
        var reader = _appends.Reader;
        var batch = new List<PendingAppend>(_options.MaxAppendBatch);
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxAppendBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async ValueTask CommitAsync(List<PendingAppend> batch)
    {
        var receipts = new OutboxReceipt[batch.Count];
        try
        {
            using var transaction = await _database.BeginWriteAsync(WriteDurability.Acknowledged, CancellationToken.None).ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            long added = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                var sequence = (long)transaction.Command(OutboxSql.Insert)
                    .Set("$id", pending.Id)
                    .Set("$kind", pending.Entry.Kind)
                    .Set("$type", pending.Entry.Type)
                    .Set("$payload", pending.Entry.Payload.ToArray())
                    .Set("$size", pending.Size)
                    .Set("$created", now)
                    .ExecuteScalar()!;
                receipts[i] = new OutboxReceipt(pending.Id, sequence);
                added += pending.Size;
            }

            var eviction = EvictForCapacity(transaction, Interlocked.Read(ref _pendingBytes) + added - _options.MaxBytes);
            var oldest = eviction.Events > 0 || Interlocked.Read(ref _pendingEvents) == 0 ? ReadOldest(transaction) : Interlocked.Read(ref _oldestPendingMs);
            transaction.Commit();

            // Still inside the write transaction's scope: no other writer can interleave with these updates.
            Interlocked.Add(ref _pendingEvents, batch.Count - eviction.Events);
            Interlocked.Add(ref _pendingBytes, added - eviction.Bytes);
            Interlocked.Exchange(ref _oldestPendingMs, oldest);
            Interlocked.Add(ref _appended, batch.Count);
            CountDropped(DropReasons.Capacity, eviction);
        }
        catch (Exception ex)
        {
            // Any failure fails this batch only (its callers hear "not stored"); the loop must live on,
            // or every later append would wait forever.
            Log.AppendFailed(_logger, batch.Count, ex);
            var failure = new OutboxUnavailableException($"the outbox could not store the event: {ex.Message}", ex);
            foreach (var pending in batch)
            {
                pending.TrySetException(failure);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].TrySetResult(receipts[i]);
        }

        Appended.Set();
    }

    /// <summary>Deletes the oldest events until <paramref name="excess"/> bytes are freed (oldest first).</summary>
    private static Removal EvictForCapacity(WriteTransaction transaction, long excess)
    {
        var removed = default(Removal);
        while (excess > removed.Bytes)
        {
            long through = -1;
            long planned = 0;
            using (var reader = transaction.Command(OutboxSql.Head).ExecuteReader())
            {
                while (planned < excess - removed.Bytes && reader.Read())
                {
                    through = reader.GetInt64(0);
                    planned += reader.GetInt64(1);
                }
            }

            if (through < 0)
            {
                break;
            }

            removed += Delete(transaction.Command(OutboxSql.DeleteThrough).Set("$seq", through));
        }

        if (removed.Events > 0)
        {
            RecordDrop(transaction, DropReasons.Capacity, removed);
        }

        return removed;
    }
}
