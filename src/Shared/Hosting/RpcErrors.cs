using System.Diagnostics.CodeAnalysis;
using EdgeCloud.Shared.Inference;
using Grpc.Core;

namespace EdgeCloud.Shared.Hosting;

/// <summary>Maps EdgeCloud failures to gRPC status codes.</summary>
public static class RpcErrors
{
    public static StatusCode ToStatusCode(InferenceErrorCode code) => code switch
    {
        InferenceErrorCode.NotFound => StatusCode.NotFound,
        InferenceErrorCode.InvalidArgument => StatusCode.InvalidArgument,
        InferenceErrorCode.ResourceExhausted => StatusCode.ResourceExhausted,
        InferenceErrorCode.Unavailable => StatusCode.Unavailable,
        InferenceErrorCode.DeadlineExceeded => StatusCode.DeadlineExceeded,
        _ => StatusCode.Internal,
    };

    public static InferenceErrorCode FromStatusCode(StatusCode code) => code switch
    {
        StatusCode.NotFound => InferenceErrorCode.NotFound,
        StatusCode.InvalidArgument => InferenceErrorCode.InvalidArgument,
        StatusCode.ResourceExhausted => InferenceErrorCode.ResourceExhausted,
        StatusCode.DeadlineExceeded => InferenceErrorCode.DeadlineExceeded,
        StatusCode.Unavailable or StatusCode.Cancelled => InferenceErrorCode.Unavailable,
        _ => InferenceErrorCode.Internal,
    };

    [DoesNotReturn]
    public static void Throw(InferenceException ex) => throw new RpcException(new Status(ToStatusCode(ex.Code), ex.Message));
}
