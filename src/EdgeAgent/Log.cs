using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent;

internal static partial class Log
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Cloud link {Endpoint} circuit opened for {BreakDuration}: {Reason}")]
    public static partial void CircuitOpened(ILogger logger, string endpoint, TimeSpan breakDuration, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Cloud link {Endpoint} circuit closed: the cloud serves again")]
    public static partial void CircuitClosed(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Cloud link {Endpoint} circuit half-open: probing")]
    public static partial void CircuitHalfOpened(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Cloud call for {Model} failed ({Reason}); answered locally (degraded)")]
    public static partial void FellBackToLocal(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Local result of {Model} had confidence {Confidence:0.###}; escalated to the cloud")]
    public static partial void Escalated(ILogger logger, string model, float confidence);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Cloud call for {Model} had not answered after {HedgeAfter}; the device answered first (degraded, hedged)")]
    public static partial void HedgeAnswered(ILogger logger, string model, TimeSpan hedgeAfter);
}
