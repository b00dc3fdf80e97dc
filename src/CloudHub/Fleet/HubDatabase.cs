using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The hub's fleet database, <c>{Hub:DataDir}/hub.db</c> (WAL, synchronous=FULL): devices and their
/// hashed secrets, desired documents, published model manifests and rollouts. One connection under a
/// lock: the hub writes in batches (<see cref="RegistryFlusher"/>), so there is nothing to gain from more.
/// </summary>
internal sealed class HubDatabase : IDisposable
{
    public const string FileName = "hub.db";

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    public HubDatabase(string dataDir)
    {
        var folder = Path.GetFullPath(dataDir);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Hub:DataDir: cannot create the folder '{folder}': {ex.Message}", ex);
        }

        FilePath = Path.Combine(folder, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Migrate();
    }

    public string FilePath { get; }

    /// <summary>Runs <paramref name="work"/> inside one transaction on the hub's connection.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    public void Write(Action<SqliteConnection, SqliteTransaction> work) => Write<bool>((c, t) =>
    {
        work(c, t);
        return true;
    });

    /// <summary>Runs a query on the hub's connection.</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
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
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        using var version = _connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (current > HubSchema.Version)
        {
            throw new InvalidOperationException($"{FilePath} has schema version {current}, newer than this hub's {HubSchema.Version}; run a newer hub");
        }

        if (current < HubSchema.Version)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = HubSchema.V1 + $"PRAGMA user_version={HubSchema.Version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
