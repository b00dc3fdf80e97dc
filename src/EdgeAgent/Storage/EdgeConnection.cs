using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// One open connection to the agent database with its prepared commands. SQLite keeps a
/// command's compiled statements as long as its text and connection do not change, so reusing
/// the same <see cref="SqliteCommand"/> per SQL text skips parsing on every call. Not thread-safe:
/// it is used by one caller at a time through a <see cref="ReadLease"/> or a <see cref="WriteTransaction"/>.
/// </summary>
internal sealed class EdgeConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public EdgeConnection(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The cached command for <paramref name="sql"/> (created on first use). Parameters keep the
    /// values of the previous call; set every one with
    /// <see cref="SqliteCommandExtensions.Set(SqliteCommand, string, object)"/>.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> once, without caching it (pragmas, migrations).</summary>
    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="sql"/> once and returns the first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
