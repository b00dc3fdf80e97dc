namespace EdgeCloud.CloudHub.Events;

internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Error, Message = "Could not store {Count} events from device {Device}; the device keeps them and sends them again.")]
    public static partial void StoreFailed(ILogger logger, int count, string device, Exception exception);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Device events are stored in {Path}.")]
    public static partial void Opened(ILogger logger, string path);
}
