using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.CloudHub.Backends;

internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Model {Model}: attempt {Attempt} of {MaxAttempts} on backend {Backend} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string model, string backend, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Model {Model}: backend {Backend} is now {After} by its health probes (was {Before})")]
    public static partial void HealthChanged(ILogger logger, string model, string backend, BackendHealth before, BackendHealth after);
}
