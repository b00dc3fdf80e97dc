using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Jobs;

internal static partial class Log
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Deferred job {JobId} ({Model}) ran in the cloud; its result is kept for Agent:Jobs:ResultTtl.")]
    public static partial void JobSucceeded(ILogger logger, string jobId, string model);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Deferred job {JobId} ({Model}) failed: the cloud answered {Code}: {Detail}")]
    public static partial void JobFailed(ILogger logger, string jobId, string model, StatusCode code, string detail);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Debug, Message = "Deferred job {JobId} waits for the cloud link; next attempt in {Delay}: {Reason}")]
    public static partial void LinkDown(ILogger logger, string jobId, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Error, Message = "The deferred-job runner failed a step; retrying in {Delay}.")]
    public static partial void StepFailed(ILogger logger, TimeSpan delay, Exception exception);
}
