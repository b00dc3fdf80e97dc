using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// <c>{Hub:DataDir}/security.db</c> (WAL, synchronous=FULL): API keys (hashed) and the hash-chained audit log.
/// One connection under a lock: key changes and admin actions are rare, lookups are served from memory.
/// </summary>
internal sealed class SecurityDatabase : IDisposable
{
    public const string FileName = "security.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id          TEXT    PRIMARY KEY,
            name        TEXT    NOT NULL,
            roles       TEXT    NOT NULL,  -- space-separated
            key_hash    BLOB    NOT NULL,  -- sha256 of the whole key
            created_at  INTEGER NOT NULL,  -- Unix ms
            expires_at  INTEGER,           -- Unix ms; null: never
            revoked_at  INTEGER            -- Unix ms; null: live
        ) STRICT;
        CREATE TABLE IF NOT EXISTS audit (
            seq       INTEGER PRIMARY KEY,
            at        INTEGER NOT NULL,    -- Unix ms
            actor     TEXT    NOT NULL,
            action    TEXT    NOT NULL,
            target    TEXT    NOT NULL,
            result    TEXT    NOT NULL,
            prev_hash TEXT    NOT NULL,
            hash      TEXT    NOT NULL
        ) STRICT;
        """;

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    public SecurityDatabase(string dataDir)
    {
        var folder = Path.GetFullPath(dataDir);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" + Schema;
        command.ExecuteNonQuery();
    }

    public string FilePath { get; }

    public T Run<T>(Func<SqliteConnection, T> work)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(_connection);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
    }
}
