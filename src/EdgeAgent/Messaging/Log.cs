namespace EdgeCloud.EdgeAgent.Messaging;

internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Connected to the fleet broker {Host}:{Port} (bdSeq {BdSeq})")]
    public static partial void Connected(ILogger logger, string host, int port, long bdSeq);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Lost the fleet broker {Host}:{Port}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Cannot connect to the fleet broker {Host}:{Port} (retrying in {Backoff}): {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "The broker refused the subscription to '{Topic}': {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Error, Message = "Handling the fleet message on '{Topic}' failed")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Could not say goodbye to the fleet broker: {Reason}")]
    public static partial void GoodbyeFailed(ILogger logger, string reason);
}
