using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// <c>{Hub:DataDir}/security.db</c> (WAL, synchronous=FULL): API keys (hashed), the hash-chained audit log, and which
/// device outbox events it already holds (<c>audit_sources</c>).
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
            revoked_at  INTEGER,           -- Unix ms; null: live
            device      TEXT               -- the device a device-role key speaks for; null: none
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
        CREATE TABLE IF NOT EXISTS audit_sources (
            device_id TEXT    NOT NULL,    -- a device's own entries, ingested from its outbox
            event_id  TEXT    NOT NULL,    -- the outbox event's id: a re-sent entry is appended once
            seq       INTEGER NOT NULL,
            PRIMARY KEY (device_id, event_id)
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
        AddDeviceColumn();
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

    /// <summary>A security.db written before keys could be bound to a device gains the (nullable) column.</summary>
    private void AddDeviceColumn()
    {
        using var probe = _connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM pragma_table_info('api_keys') WHERE name = 'device'";
        if ((long)probe.ExecuteScalar()! == 0)
        {
            using var alter = _connection.CreateCommand();
            alter.CommandText = "ALTER TABLE api_keys ADD COLUMN device TEXT";
            alter.ExecuteNonQuery();
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
