using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// The agent's one SQLite database (<c>{DataDir}/agent.db</c>), shared by the result cache, the
/// outbox and the agent's state.
/// </summary>
/// <remarks>
/// <para>
/// Connections: <b>one writer connection guarded by a <see cref="SemaphoreSlim"/>, plus a pool of
/// read-only connections.</b> SQLite admits one writer at a time whatever we do; queueing writers
/// on an async semaphore instead of on SQLite's busy handler means no thread spins in
/// <c>busy_timeout</c>, no <c>SQLITE_BUSY</c> from a read transaction upgrading to a write, and
/// the writer keeps its prepared statements. A consumer that must store two things atomically
/// (the outbox: a message and its queue entry) does both inside one <see cref="WriteTransaction"/>.
/// In WAL mode readers never wait for the writer or for each other, so a cache lookup takes an
/// idle reader from a lock-free queue, runs a statement compiled on an earlier call, and returns it.
/// </para>
/// <para>
/// Durability: <c>journal_mode=WAL</c> with <c>synchronous=FULL</c>. With WAL and
/// <c>synchronous=NORMAL</c> a commit is not fsynced, so a power loss can drop the last committed
/// transactions; we acknowledge a write (to the outbox's producer, to the hub) only after its
/// commit returns, so that commit must already be on disk. Writes of recomputable data may opt
/// into <see cref="WriteDurability.Relaxed"/> per transaction.
/// </para>
/// </remarks>
internal sealed partial class EdgeDatabase : IAsyncDisposable, IDisposable
{
    public const string FileName = "agent.db";
    internal const string AcknowledgedSynchronous = "PRAGMA synchronous=FULL;";
    internal const string RelaxedSynchronous = "PRAGMA synchronous=NORMAL;";

    /// <summary>
    /// Per-connection settings. busy_timeout only matters when another process (an operator's
    /// sqlite3 shell, a backup) holds a lock: in-process writers queue on the write gate.
    /// </summary>
    private const string ConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<EdgeConnection> _idleReaders = new();
    private readonly EdgeConnection _writer;
    private readonly string _connectionString;
    private readonly int _maxIdleReaders;
    private readonly ILogger _logger;
    private int _idleReaderCount;
    private int _disposed;

    private EdgeDatabase(string filePath, string connectionString, EdgeConnection writer, int schemaVersion, ILogger logger)
    {
        FilePath = filePath;
        _connectionString = connectionString;
        _writer = writer;
        SchemaVersion = schemaVersion;
        _logger = logger;
        _maxIdleReaders = Math.Clamp(Environment.ProcessorCount * 2, 4, 64);
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version (<c>PRAGMA user_version</c>) after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Waits for the writer connection and begins a <c>BEGIN IMMEDIATE</c> transaction on it.
    /// Dispose the result to release the writer; writes queue in arrival order.
    /// </summary>
    public async ValueTask<WriteTransaction> BeginWriteAsync(WriteDurability durability, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return new WriteTransaction(this, _writer, durability);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Borrows a read-only connection (opening one when none is idle). Dispose to return it.</summary>
    public ReadLease RentReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_idleReaders.TryDequeue(out var reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return new ReadLease(this, reader);
        }

        return new ReadLease(this, OpenReader());
    }

    internal void EndWrite() => _writeGate.Release();

    internal void ReturnReader(EdgeConnection reader)
    {
        if (Volatile.Read(ref _disposed) == 0 && Interlocked.Increment(ref _idleReaderCount) <= _maxIdleReaders)
        {
            _idleReaders.Enqueue(reader);
            return;
        }

        Interlocked.Decrement(ref _idleReaderCount);
        reader.Dispose();
    }

    private EdgeConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var reader = new EdgeConnection(connection);
        reader.Execute($"{ConnectionPragmas} PRAGMA query_only=ON;");
        return reader;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false); // let an in-flight write finish
        Close();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writeGate.Wait();
        Close();
    }

    private void Close()
    {
        try
        {
            _writer.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException ex)
        {
            Log.CheckpointFailed(_logger, FilePath, ex);
        }

        _writer.Dispose();
        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }
}
