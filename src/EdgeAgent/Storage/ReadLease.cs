using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// A read-only connection borrowed from <see cref="EdgeDatabase"/>; dispose it (once) to return it.
/// A struct so the cache-hit path allocates nothing for it; do not copy it.
/// </summary>
internal readonly struct ReadLease : IDisposable
{
    private readonly EdgeDatabase _database;
    private readonly EdgeConnection _connection;

    internal ReadLease(EdgeDatabase database, EdgeConnection connection)
    {
        _database = database;
        _connection = connection;
    }

    /// <summary>The cached, prepared command for <paramref name="sql"/> on this connection.</summary>
    public SqliteCommand Command(string sql) => _connection.Command(sql);

    public void Dispose() => _database?.ReturnReader(_connection);
}
