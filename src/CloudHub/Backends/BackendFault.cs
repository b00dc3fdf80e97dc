using Grpc.Core;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>What a failed attempt says about the backend, which decides failover and health.</summary>
internal enum BackendFault
{
    /// <summary>The request itself is wrong (INVALID_ARGUMENT and kin): every backend would refuse it; answer the caller.</summary>
    RequestError,

    /// <summary>The backend is busy (RESOURCE_EXHAUSTED): try another, but it is not unhealthy.</summary>
    Overloaded,

    /// <summary>The backend failed (UNAVAILABLE, INTERNAL, a timeout, NOT_FOUND …): try another and count it against its health.</summary>
    Failure,
}

/// <summary>Classifies gRPC status codes from backends.</summary>
internal static class BackendFaults
{
    public static BackendFault Classify(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition => BackendFault.RequestError,
        StatusCode.ResourceExhausted => BackendFault.Overloaded,
        _ => BackendFault.Failure,
    };
}
