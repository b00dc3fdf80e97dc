using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Outbox;

internal static partial class Log
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Error, Message = "The outbox could not commit {Count} events; none of them was acknowledged.")]
    public static partial void AppendFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "The outbox dropped its {Events} oldest undelivered events ({Bytes} bytes) to stay under Agent:Outbox:MaxBytes = {MaxBytes}.")]
    public static partial void DroppedForCapacity(ILogger logger, long events, long bytes, long maxBytes);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "The outbox dropped {Events} undelivered events ({Bytes} bytes) older than Agent:Outbox:MaxAge = {MaxAge}.")]
    public static partial void DroppedByAge(ILogger logger, long events, long bytes, TimeSpan maxAge);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Publishing {Count} outbox events to the hub {Endpoint} failed (attempt {Failures}); retrying in {Delay}: {Reason}")]
    public static partial void PublishFailed(ILogger logger, int count, string endpoint, int failures, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "The hub {Endpoint} accepts outbox events again; {Pending} are waiting to be sent.")]
    public static partial void PublishRecovered(ILogger logger, string endpoint, long pending);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "The hub stored only {Stored} of {Count} events in a batch; the rest stay queued and are sent again.")]
    public static partial void PartiallyStored(ILogger logger, long stored, int count);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Error, Message = "The outbox drain step failed unexpectedly; retrying in {Delay}.")]
    public static partial void DrainStepFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Warning, Message = "Could not append an inference record to the outbox (Agent:Outbox:RecordInferences); the response was not affected.")]
    public static partial void InferenceRecordFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Debug, Message = "No cloud endpoint is configured (Agent:Cloud:Endpoint): outbox events are kept, bounded by size and age, and not sent.")]
    public static partial void NoHub(ILogger logger);
}
