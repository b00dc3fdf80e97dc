using Grpc.Core;

namespace EdgeCloud.EdgeAgent.Cloud;

/// <summary>Which outcomes of a cloud call say the link (not the request) is at fault.</summary>
internal static class CloudLinkFailures
{
    /// <summary>Transport failures and timeouts count against the link; a bad request or an unknown model does not.</summary>
    public static bool IsLinkFailure(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
            or StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>Only a refused or dropped connection is worth an immediate retry; a timeout is not.</summary>
    public static bool IsRetryable(Exception exception) =>
        exception is RpcException { StatusCode: StatusCode.Unavailable } or HttpRequestException;
}
