namespace EdgeCloud.Shared.Inference;

/// <summary>Why a request failed; each maps to one gRPC code and one HTTP status.</summary>
public enum InferenceErrorCode
{
    /// <summary>Unknown model or version (gRPC NOT_FOUND, HTTP 404).</summary>
    NotFound,

    /// <summary>Wrong input name, shape, datatype or byte length (INVALID_ARGUMENT, 400).</summary>
    InvalidArgument,

    /// <summary>Over a size limit or a full queue (RESOURCE_EXHAUSTED, 413 or 429).</summary>
    ResourceExhausted,

    /// <summary>No path can serve it now (UNAVAILABLE, 503).</summary>
    Unavailable,

    /// <summary>The request's deadline passed before it ran (DEADLINE_EXCEEDED, 504).</summary>
    DeadlineExceeded,

    /// <summary>The model failed while running a valid request (INTERNAL, 500).</summary>
    Internal,
}
