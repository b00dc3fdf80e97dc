using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

internal static partial class Log
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on port {Port}")]
    public static partial void BrokerStarted(ILogger logger, int port);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "MQTT connection of '{User}' from {Remote} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string user, string remote, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Fleet message from '{Sender}' on '{Topic}' refused ({Reason}): {Detail}")]
    public static partial void MessageRejected(ILogger logger, string sender, string topic, FleetRejectReason reason, string detail);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Ignored a will of device '{Device}' for an earlier session (bdSeq {BdSeq})")]
    public static partial void StaleWillIgnored(ILogger logger, string device, long bdSeq);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Could not write fleet registry changes to the hub database: {Reason}; retrying at the next flush")]
    public static partial void RegistryFlushFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Desired state of {Scope} is now version {Version}")]
    public static partial void DesiredChanged(ILogger logger, string scope, long version);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Connected to the external MQTT broker {Host}:{Port}")]
    public static partial void BrokerLinkUp(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Lost the external MQTT broker {Host}:{Port}; reconnecting")]
    public static partial void BrokerLinkLost(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Cannot reach the external MQTT broker {Host}:{Port} (retrying in {Backoff}): {Reason}")]
    public static partial void BrokerLinkFailed(ILogger logger, string host, int port, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "Not connected to the external broker: '{Topic}' will be published on reconnect")]
    public static partial void PublishDeferred(ILogger logger, string topic);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Rollout {Id} to group '{Group}' ({Target}) finished: {State} {Reason}")]
    public static partial void RolloutFinished(ILogger logger, string id, string group, string target, string state, string reason);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Warning, Message = "Rollout {Id} to group '{Group}' aborting, rolling back: {Reason}")]
    public static partial void RolloutAborting(ILogger logger, string id, string group, string reason);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Information, Message = "Rollback command to '{Device}': ok={Ok} {Message}")]
    public static partial void RollbackCommand(ILogger logger, string device, bool ok, string message);

    [LoggerMessage(EventId = 5123, Level = LogLevel.Error, Message = "Rollout {Id}: could not roll back device '{Device}': {Reason}")]
    public static partial void RollbackFailed(ILogger logger, string id, string device, string reason);
}
