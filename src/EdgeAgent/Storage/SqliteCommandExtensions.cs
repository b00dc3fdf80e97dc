using Microsoft.Data.Sqlite;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Parameter binding for cached commands without rebuilding the parameter list.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets parameter <paramref name="name"/> (adding it on first use) and returns the command.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value);
        }
        else
        {
            parameters[index].Value = value;
        }

        return command;
    }
}
