using EdgeCloud.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Events;

/// <summary>
/// The events devices sent from their outboxes, in <c>{Hub:DataDir}/events.db</c>, each stored once
/// per (device, id): a re-sent event is ignored (<c>INSERT OR IGNORE</c>) and acknowledged again.
/// </summary>
/// <remarks>
/// WAL with <c>synchronous=FULL</c>: the agent forgets an event as soon as the hub acknowledges it,
/// so the batch must be on disk before <see cref="StoreAsync"/> returns. One connection behind an
/// async lock: a batch is one transaction, and the agents' batches queue.
/// </remarks>
internal sealed class HubEventStore : IDisposable
{
    public const string FileName = "events.db";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly TimeProvider _timeProvider;
    private long _stored;
    private long _duplicates;
    private bool _disposed;

    public HubEventStore(IOptions<HubOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        var folder = Path.GetFullPath(options.Value.DataDir);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Hub:DataDir: cannot create the folder '{folder}' for {FileName}: {ex.Message}", ex);
        }

        FilePath = Path.Combine(folder, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Execute(EventStoreSql.Schema);
        _insert = _connection.CreateCommand();
        _insert.CommandText = EventStoreSql.Insert;
        foreach (var name in (ReadOnlySpan<string>)["$device", "$id", "$fleet", "$kind", "$type", "$sequence", "$created", "$received", "$payload"])
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    public string FilePath { get; }

    /// <summary>Events stored for the first time since start.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Re-sent events ignored since start (already stored).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Stores the request's events in one durable transaction; returns every id now held.</summary>
    public async Task<IReadOnlyList<string>> StoreAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var received = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            long inserted = 0;
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                _insert.Transaction = transaction;
                foreach (var e in request.Events)
                {
                    var p = _insert.Parameters;
                    p[0].Value = request.DeviceId;
                    p[1].Value = e.Id;
                    p[2].Value = request.Fleet;
                    p[3].Value = e.Kind;
                    p[4].Value = e.Type;
                    p[5].Value = e.Sequence;
                    p[6].Value = e.CreatedUnixMs;
                    p[7].Value = received;
                    p[8].Value = e.Payload.ToByteArray();
                    inserted += _insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            Interlocked.Add(ref _stored, inserted);
            Interlocked.Add(ref _duplicates, request.Events.Count - inserted);
            return [.. request.Events.Select(static e => e.Id).Distinct(StringComparer.Ordinal)];
        }
        finally
        {
            _insert.Transaction = null;
            _gate.Release();
        }
    }

    /// <summary>How many events the hub holds for <paramref name="deviceId"/>.</summary>
    public async Task<long> CountAsync(string deviceId, CancellationToken cancellationToken) =>
        await ReadAsync(EventStoreSql.CountForDevice, deviceId, static r => r.Read() ? r.GetInt64(0) : 0, cancellationToken).ConfigureAwait(false);

    /// <summary>The ids held for <paramref name="deviceId"/>, in the device's order.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(string deviceId, CancellationToken cancellationToken) =>
        await ReadAsync<IReadOnlyList<string>>(EventStoreSql.IdsForDevice, deviceId, static r =>
        {
            var ids = new List<string>();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }

            return ids;
        }, cancellationToken).ConfigureAwait(false);

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insert.Dispose();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> ReadAsync<T>(string sql, string deviceId, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$device", deviceId);
            using var reader = command.ExecuteReader();
            return read(reader);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
