using System.Collections.Concurrent;
using System.Data;
using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// <see cref="IResultCache"/> in the agent database: bounded in payload bytes (LRU), with a TTL
/// from the time of storing, and kept across restarts.
/// </summary>
/// <remarks>
/// A hit runs one prepared, indexed SELECT on a pooled read connection and never writes: it
/// records the row's new LRU position in memory, and the next write transaction (a store, an
/// invalidation, or disposal) saves those positions before it evicts anything, so eviction always
/// sees exact LRU order. Expired rows read as misses and are deleted by the next store.
/// The cache only saves work: a storage failure in a lookup or a store is logged and treated as
/// a miss or a skipped store, never thrown into the inference path.
/// </remarks>
internal sealed partial class SqliteResultCache : IResultCache, IAsyncDisposable
{
    private readonly EdgeDatabase _database;
    private readonly ResultCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, long> _pendingTouches = new();
    private long _accessClock;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _expirations;
    private long _bytes;
    private long _entries;
    private int _disposed;

    public SqliteResultCache(EdgeDatabase database, IOptions<ResultCacheOptions> options, TimeProvider timeProvider, ILogger<SqliteResultCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;

        using var lease = database.RentReader();
        _accessClock = (long)lease.Command(ResultCacheSql.MaxAccess).ExecuteScalar()!;
        using var reader = lease.Command(ResultCacheSql.Usage).ExecuteReader(CommandBehavior.SingleRow);
        reader.Read();
        _bytes = reader.GetInt64(0);
        _entries = reader.GetInt64(1);
    }

    public ResultCacheStats Stats => new(
        Interlocked.Read(ref _hits),
        Interlocked.Read(ref _misses),
        Interlocked.Read(ref _evictions),
        Interlocked.Read(ref _expirations),
        Interlocked.Read(ref _bytes),
        Interlocked.Read(ref _entries));

    public ValueTask<CachedResult?> TryGetAsync(ResultCacheKey key, CancellationToken cancellationToken)
    {
        EnsureValid(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_options.Enabled)
        {
            return ValueTask.FromResult<CachedResult?>(null);
        }

        var result = Lookup(key);
        Interlocked.Increment(ref result is null ? ref _misses : ref _hits);
        return ValueTask.FromResult(result);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _pendingTouches.IsEmpty)
        {
            return;
        }

        try
        {
            using var transaction = await _database.BeginWriteAsync(WriteDurability.Relaxed, CancellationToken.None).ConfigureAwait(false);
            FlushTouches(transaction);
            transaction.Commit();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SqliteException)
        {
            Log.TouchFlushFailed(_logger, ex);
        }
    }

    /// <summary>The live entry for <paramref name="key"/>; a storage failure is logged and read as a miss.</summary>
    private CachedResult? Lookup(ResultCacheKey key)
    {
        try
        {
            using var lease = _database.RentReader();
            using var reader = Bind(lease.Command(ResultCacheSql.Lookup), key).ExecuteReader(CommandBehavior.SingleRow);
            if (!reader.Read() || reader.GetInt64(3) <= _timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
            {
                return null;
            }

            _pendingTouches.AddOrUpdate(
                reader.GetInt64(0),
                static (_, seq) => seq,
                static (_, previous, seq) => Math.Max(previous, seq),
                Interlocked.Increment(ref _accessClock));
            return new CachedResult(
                reader.GetFieldValue<byte[]>(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
        catch (SqliteException ex)
        {
            Log.ReadFailed(_logger, key, ex);
            return null;
        }
    }

    private static SqliteCommand Bind(SqliteCommand command, ResultCacheKey key) =>
        command.Set("$model", key.Model).Set("$version", key.Version).Set("$variant", key.Variant).Set("$digest", key.InputDigest);

    private static void EnsureValid(ResultCacheKey key)
    {
        if (key.Model is null)
        {
            throw new ArgumentException("The cache key is empty; build it with ResultCacheKey.From.", nameof(key));
        }
    }
}
