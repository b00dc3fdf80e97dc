using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.EdgeAgent.Fleet;

internal static partial class Log
{
    [LoggerMessage(EventId = 5220, Level = LogLevel.Warning, Message = "Fleet message on '{Topic}' refused ({Reason}): {Detail}")]
    public static partial void MessageRejected(ILogger logger, string topic, FleetRejectReason reason, string detail);

    [LoggerMessage(EventId = 5221, Level = LogLevel.Warning, Message = "Desired state {Scope} version {Version} refused; the last-known-good stays in force: {Reason}")]
    public static partial void DesiredRejected(ILogger logger, string scope, long version, string reason);

    [LoggerMessage(EventId = 5222, Level = LogLevel.Information, Message = "Applied desired state {Scope} version {Version}")]
    public static partial void DesiredApplied(ILogger logger, string scope, long version);

    [LoggerMessage(EventId = 5223, Level = LogLevel.Information, Message = "Patch for {Scope} goes from {Base} to {Version} but version {Current} is applied; resyncing from the full document")]
    public static partial void Resync(ILogger logger, string scope, long current, long @base, long version);

    [LoggerMessage(EventId = 5224, Level = LogLevel.Error, Message = "Update of model {Model} to version {Version} refused; the previous version keeps serving: {Reason}")]
    public static partial void ModelUpdateFailed(ILogger logger, string model, string version, string reason);

    [LoggerMessage(EventId = 5225, Level = LogLevel.Information, Message = "Model {Model} version {Version} installed and serving ({Variant} on {Provider})")]
    public static partial void ModelInstalled(ILogger logger, string model, string version, string variant, string provider);

    [LoggerMessage(EventId = 5226, Level = LogLevel.Warning, Message = "Download of {Model}@{Version}/{File} cut at {Have}/{Size} bytes; resuming in {Backoff}: {Reason}")]
    public static partial void DownloadInterrupted(ILogger logger, string model, string version, string file, long have, long size, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 5227, Level = LogLevel.Information, Message = "Command {Name} ({Id}): ok={Ok} {Message}")]
    public static partial void CommandHandled(ILogger logger, string name, string id, bool ok, string message);

    [LoggerMessage(EventId = 5228, Level = LogLevel.Warning, Message = "Could not publish telemetry: {Reason}")]
    public static partial void TelemetryFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5229, Level = LogLevel.Error, Message = "Handling the fleet message on '{Topic}' failed: {Reason}")]
    public static partial void HandlingFailed(ILogger logger, string topic, string reason);
}
