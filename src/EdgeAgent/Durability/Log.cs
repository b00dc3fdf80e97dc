using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Durability;

internal static partial class Log
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Warning, Message = "Removed {Path}: {What} (the operation that wrote it did not finish; it will be redone).")]
    public static partial void Recovered(ILogger logger, string path, string what);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Could not remove the leftover {Path}; it is ignored.")]
    public static partial void RecoveryFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Outbox open: {Pending} undelivered events ({Bytes} bytes) kept from before; removed {Removed} leftovers of unfinished writes in {DataDir}.")]
    public static partial void Started(ILogger logger, long pending, long bytes, int removed, string dataDir);
}
