using System.Runtime.InteropServices;
using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Cache;

internal sealed partial class SqliteResultCache
{
    /// <remarks>
    /// Committed with <see cref="WriteDurability.Relaxed"/>: a cached result can be recomputed, so
    /// a store is not worth an fsync; a power loss can only lose the newest entries.
    /// </remarks>
    public async ValueTask SetAsync(ResultCacheKey key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        EnsureValid(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_options.Enabled)
        {
            return;
        }

        if (payload.Length > _options.MaxBytes)
        {
            Log.PayloadTooLarge(_logger, key, payload.Length, _options.MaxBytes);
            return;
        }

        try
        {
            await StoreAsync(key, AsArray(payload), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            Log.WriteFailed(_logger, key, ex);
        }
    }

    public async ValueTask<int> InvalidateModelAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        using var transaction = await _database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken).ConfigureAwait(false);
        FlushTouches(transaction);
        var removed = transaction.Command(ResultCacheSql.DeleteModel).Set("$model", model).ExecuteNonQuery();
        var (totalBytes, entries) = ReadUsage(transaction);
        transaction.Commit();

        Publish(totalBytes, entries);
        Log.ModelInvalidated(_logger, removed, model);
        return removed;
    }

    private async ValueTask StoreAsync(ResultCacheKey key, byte[] bytes, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        using var transaction = await _database.BeginWriteAsync(WriteDurability.Relaxed, cancellationToken).ConfigureAwait(false);
        FlushTouches(transaction);
        var expired = transaction.Command(ResultCacheSql.PurgeExpired).Set("$now", now).ExecuteNonQuery();
        var id = (long)Bind(transaction.Command(ResultCacheSql.Upsert), key)
            .Set("$payload", bytes)
            .Set("$size", bytes.Length)
            .Set("$now", now)
            .Set("$expires", now + (long)_options.Ttl.TotalMilliseconds)
            .Set("$seq", Interlocked.Increment(ref _accessClock))
            .ExecuteScalar()!;
        var evicted = EvictOverBound(transaction, keep: id);
        var (totalBytes, entries) = ReadUsage(transaction);
        transaction.Commit();

        Publish(totalBytes, entries);
        Interlocked.Add(ref _expirations, expired);
        Interlocked.Add(ref _evictions, evicted);
        if (evicted + expired > 0)
        {
            Log.Evicted(_logger, evicted, expired, key);
        }
    }

    /// <summary>Saves the LRU positions recorded by hits since the last write.</summary>
    private void FlushTouches(WriteTransaction transaction)
    {
        foreach (var touch in _pendingTouches)
        {
            transaction.Command(ResultCacheSql.Touch).Set("$id", touch.Key).Set("$seq", touch.Value).ExecuteNonQuery();
            _pendingTouches.TryRemove(touch); // keeps a newer hit that arrived meanwhile
        }
    }

    /// <summary>Deletes least-recently-used rows (never <paramref name="keep"/>) until the payload bytes fit the bound.</summary>
    private int EvictOverBound(WriteTransaction transaction, long keep)
    {
        var evicted = 0;
        var victims = new List<long>();
        for (var excess = ReadUsage(transaction).Bytes - _options.MaxBytes; excess > 0; excess = ReadUsage(transaction).Bytes - _options.MaxBytes)
        {
            victims.Clear();
            using (var reader = transaction.Command(ResultCacheSql.LeastRecentlyUsed).Set("$keep", keep).ExecuteReader())
            {
                for (long freed = 0; freed < excess && reader.Read(); freed += reader.GetInt64(1))
                {
                    victims.Add(reader.GetInt64(0));
                }
            }

            if (victims.Count == 0)
            {
                break; // only the new entry is left, and it fits by itself
            }

            foreach (var victim in victims)
            {
                transaction.Command(ResultCacheSql.DeleteById).Set("$id", victim).ExecuteNonQuery();
            }

            evicted += victims.Count;
        }

        return evicted;
    }

    private static (long Bytes, long Entries) ReadUsage(WriteTransaction transaction)
    {
        using var reader = transaction.Command(ResultCacheSql.Usage).ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private void Publish(long bytes, long entries)
    {
        Interlocked.Exchange(ref _bytes, bytes);
        Interlocked.Exchange(ref _entries, entries);
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();
}
