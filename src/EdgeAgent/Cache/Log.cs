using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Cache;

internal static partial class Log
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Not caching the result for {Key}: {Size} bytes is over the cache bound of {MaxBytes} bytes.")]
    public static partial void PayloadTooLarge(ILogger logger, ResultCacheKey key, int size, long maxBytes);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Result cache evicted {Evicted} least-recently-used and purged {Expired} expired entries to store {Key}.")]
    public static partial void Evicted(ILogger logger, int evicted, int expired, ResultCacheKey key);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Invalidated {Count} cached results of model {Model}.")]
    public static partial void ModelInvalidated(ILogger logger, int count, string model);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Could not save the result cache's recent hits at shutdown; LRU order falls back to the last save.")]
    public static partial void TouchFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Result cache lookup for {Key} failed; serving it as a miss.")]
    public static partial void ReadFailed(ILogger logger, ResultCacheKey key, Exception exception);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Could not store the result for {Key} in the cache; the response is unaffected.")]
    public static partial void WriteFailed(ILogger logger, ResultCacheKey key, Exception exception);
}
