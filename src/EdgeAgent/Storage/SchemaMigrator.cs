using System.Globalization;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Brings a database up to the newest schema by <c>PRAGMA user_version</c>.</summary>
internal static class SchemaMigrator
{
    /// <summary>Applies each migration above the current version in its own transaction; returns the new version.</summary>
    /// <exception cref="EdgeStorageException">The database was written by a newer agent.</exception>
    public static int Migrate(EdgeConnection connection, IReadOnlyList<EdgeMigration> migrations, string filePath, ILogger logger)
    {
        EnsureNumbered(migrations);
        var current = Convert.ToInt32(connection.Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (current > migrations.Count)
        {
            throw new EdgeStorageException(
                $"The agent database '{filePath}' has schema version {current}, newer than this agent supports ({migrations.Count}). " +
                "It was written by a newer agent: upgrade this agent, or move the file aside to start empty.");
        }

        foreach (var migration in migrations.Skip(current))
        {
            using var transaction = connection.Connection.BeginTransaction(deferred: false);
            using var command = connection.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"{migration.Sql}\nPRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
            transaction.Commit();
            Log.MigrationApplied(logger, migration.Version, migration.Name, filePath);
            current = migration.Version;
        }

        return current;
    }

    private static void EnsureNumbered(IReadOnlyList<EdgeMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration '{migrations[i].Name}' is numbered {migrations[i].Version}; expected {i + 1}. Migrations are numbered 1, 2, 3… in order.");
            }
        }
    }
}
