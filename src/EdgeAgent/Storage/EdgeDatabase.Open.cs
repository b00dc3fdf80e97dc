using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Storage;

internal sealed partial class EdgeDatabase
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// Opens (or creates) <c>{DataDir}/agent.db</c>: checks it with <c>PRAGMA quick_check</c>,
    /// moves an unreadable or corrupt file aside to <c>agent.db.corrupt-{timestamp}</c> and starts
    /// a fresh one, then applies pending migrations.
    /// </summary>
    /// <exception cref="EdgeStorageException">The folder cannot be created or written, or the
    /// database cannot be opened there. Never falls back to memory or a temporary folder.</exception>
    public static EdgeDatabase Open(
        EdgeStorageOptions options,
        TimeProvider timeProvider,
        ILogger<EdgeDatabase> logger,
        IReadOnlyList<EdgeMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var directory = DataDirectory.Prepare(options.DataDir);
        var filePath = Path.Combine(directory, FileName);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // we hold our connections; no hidden handles keep the file open
        }.ToString();

        var writer = OpenWriter(filePath, connectionString, timeProvider, logger);
        try
        {
            ConfigureWriter(writer, filePath, logger);
            var version = SchemaMigrator.Migrate(writer, migrations ?? EdgeMigrations.All, filePath, logger);
            Log.DatabaseOpened(logger, filePath, version);
            return new EdgeDatabase(filePath, connectionString, writer, version, logger);
        }
        catch (SqliteException ex)
        {
            writer.Dispose();
            throw new EdgeStorageException(
                $"Cannot use the agent database '{filePath}': {ex.Message} Check the disk and the permissions of the folder (Agent:DataDir).", ex);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private static EdgeConnection OpenWriter(string filePath, string connectionString, TimeProvider timeProvider, ILogger logger)
    {
        // Sniff the header before SQLite touches the file: closing a connection to a garbage file
        // would delete its -wal, which belongs in the quarantine with it.
        var problem = DatabaseHeader.Check(filePath);
        if (problem is null)
        {
            var connection = Connect(filePath, connectionString);
            problem = CheckIntegrity(connection);
            if (problem is null)
            {
                return connection;
            }

            connection.Dispose();
        }

        var quarantinePath = Quarantine(filePath, timeProvider);
        Log.DatabaseCorrupt(logger, filePath, problem, quarantinePath);

        var fresh = Connect(filePath, connectionString);
        problem = CheckIntegrity(fresh);
        if (problem is not null)
        {
            fresh.Dispose();
            throw new EdgeStorageException($"The fresh agent database '{filePath}' fails its integrity check ({problem}). Check the disk.");
        }

        return fresh;
    }

    private static EdgeConnection Connect(string filePath, string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new EdgeStorageException(
                $"Cannot open the agent database '{filePath}': {ex.Message} Check the permissions of the folder (Agent:DataDir).", ex);
        }

        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            connection.Dispose();
            throw new EdgeStorageException(
                $"The agent database '{filePath}' can only be opened read-only. Make the file and its folder writable by the agent.");
        }

        return new EdgeConnection(connection);
    }

    /// <summary>Null when the file is a sound database; otherwise what is wrong with it.</summary>
    private static string? CheckIntegrity(EdgeConnection connection)
    {
        try
        {
            using var command = connection.Connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(5);";
            using var reader = command.ExecuteReader();
            var findings = new List<string>();
            while (reader.Read())
            {
                findings.Add(reader.GetString(0));
            }

            return findings is ["ok"] ? null : string.Join("; ", findings);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase)
        {
            return ex.Message;
        }
    }

    /// <summary>Moves the database and its -wal/-shm files to <c>agent.db.corrupt-{timestamp}[-wal|-shm]</c>.</summary>
    private static string Quarantine(string filePath, TimeProvider timeProvider)
    {
        var stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{filePath}.corrupt-{stamp}";
        for (var attempt = 1; File.Exists(target); attempt++)
        {
            target = $"{filePath}.corrupt-{stamp}-{attempt.ToString(CultureInfo.InvariantCulture)}";
        }

        try
        {
            File.Move(filePath, target);
            foreach (var suffix in (ReadOnlySpan<string>)["-wal", "-shm"])
            {
                if (File.Exists(filePath + suffix))
                {
                    File.Move(filePath + suffix, target + suffix);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EdgeStorageException(
                $"The agent database '{filePath}' is corrupt and could not be moved aside to '{target}': {ex.Message}", ex);
        }

        return target;
    }

    private static void ConfigureWriter(EdgeConnection writer, string filePath, ILogger logger)
    {
        var journalMode = Convert.ToString(writer.Scalar("PRAGMA journal_mode=WAL;"), CultureInfo.InvariantCulture);
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            Log.WalNotEnabled(logger, filePath, journalMode);
        }

        writer.Execute($"{AcknowledgedSynchronous} {ConnectionPragmas}");
    }
}
