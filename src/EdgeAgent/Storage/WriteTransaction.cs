using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// The database's single writer connection inside a <c>BEGIN IMMEDIATE</c> transaction, held
/// exclusively until disposed. Call <see cref="Commit"/> to keep the changes; disposing without it
/// rolls back. Acknowledge anything to anyone only after <see cref="Commit"/> returns.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly EdgeDatabase _database;
    private readonly EdgeConnection _connection;
    private SqliteTransaction? _transaction;
    private bool _disposed;

    internal WriteTransaction(EdgeDatabase database, EdgeConnection connection, WriteDurability durability)
    {
        _database = database;
        _connection = connection;

        // Set on every transaction rather than restored afterwards, so a failure can never leave
        // the writer relaxed for the next acknowledged write. A prepared pragma costs about a µs.
        var synchronous = _connection.Command(durability == WriteDurability.Acknowledged
            ? EdgeDatabase.AcknowledgedSynchronous
            : EdgeDatabase.RelaxedSynchronous);
        synchronous.Transaction = null;
        synchronous.ExecuteNonQuery();
        _transaction = connection.Connection.BeginTransaction(deferred: false);
    }

    /// <summary>The cached, prepared command for <paramref name="sql"/>, enlisted in this transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        ObjectDisposedException.ThrowIf(_transaction is null, this);
        var command = _connection.Command(sql);
        command.Transaction = _transaction;
        return command;
    }

    /// <summary>Commits; with <see cref="WriteDurability.Acknowledged"/> the data is on disk when this returns.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_transaction is null, this);
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    /// <summary>Rolls back unless committed, and releases the writer.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _transaction?.Dispose();
            _transaction = null;
        }
        finally
        {
            _database.EndWrite();
        }
    }
}
