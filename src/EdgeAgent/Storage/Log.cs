using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Opened the agent database {Path} (schema version {Version}).")]
    public static partial void DatabaseOpened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error,
        Message = "The agent database {Path} is unreadable or corrupt ({Problem}). Moved it aside to {QuarantinePath} and created a fresh database: " +
                  "cached results and undelivered outbox entries in the old file will not be used. Keep the moved file for diagnosis.")]
    public static partial void DatabaseCorrupt(ILogger logger, string path, string problem, string quarantinePath);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name}) to {Path}.")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string path);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning,
        Message = "Could not switch {Path} to WAL journal mode (it is '{JournalMode}'): commits stay durable but readers wait for writers. Is the data folder on a network file system?")]
    public static partial void WalNotEnabled(ILogger logger, string path, string? journalMode);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Checkpointing {Path} at shutdown failed; the WAL will be replayed at the next start.")]
    public static partial void CheckpointFailed(ILogger logger, string path, Exception exception);
}
