namespace EdgeCloud.CloudHub.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Security is on: {Methods}; rate limit {PermitsPerSecond}/s per caller (burst {Burst})")]
    public static partial void SecurityEnabled(ILogger logger, string methods, int permitsPerSecond, int burst);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Refused {Path} ({Status}) for {Caller}")]
    public static partial void Refused(ILogger logger, string path, int status, string caller);

    [LoggerMessage(EventId = 803, Level = LogLevel.Information, Message = "Published manifests are signed; agents trust the public key {PublicKeyPath}")]
    public static partial void SigningKey(ILogger logger, string publicKeyPath);
}
