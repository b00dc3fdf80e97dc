namespace EdgeCloud.EdgeAgent.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Error, Message = "The audit entry {Action} {Target} ({Result}) could not be stored in the outbox: {Reason}")]
    public static partial void AuditNotStored(ILogger logger, string action, string target, string result, string reason);

}
