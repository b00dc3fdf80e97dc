namespace EdgeCloud.CloudHub.Batching;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Model {Model} is batched ({Policy}) over {Instances} instance(s)")]
    public static partial void Batching(ILogger logger, string model, string policy, int instances);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Model {Model} asks for dynamic batching but runs unbatched: {Reason}")]
    public static partial void NotBatchable(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "A joined run of {Count} requests to model {Model} failed ({Reason}); running each alone")]
    public static partial void JoinedRunFailed(ILogger logger, string model, int count, string reason);
}
