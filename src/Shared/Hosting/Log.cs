using Microsoft.Extensions.Logging;

namespace EdgeCloud.Shared.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Loaded model {Model} version {Version} (variant {Variant}) on {Provider} in {ElapsedMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string model, string version, string variant, string provider, long elapsedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Could not load model {Model}: {Reason}")]
    public static partial void ModelLoadFailed(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Model repository {Root}: {Loaded} of {Total} models ready")]
    public static partial void RepositoryLoaded(ILogger logger, string root, int loaded, int total);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Model {Model} runs on {Provider}, not on the first configured provider {Preferred}")]
    public static partial void ProviderFallback(ILogger logger, string model, string provider, string preferred);
}
