namespace EdgeCloud.Shared.Inference;

/// <summary>A request that cannot be served, with a message a person can act on.</summary>
public sealed class InferenceException : Exception
{
    public InferenceException(InferenceErrorCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public InferenceErrorCode Code { get; }

    public static InferenceException Invalid(string message) => new(InferenceErrorCode.InvalidArgument, message);

    public static InferenceException NotFound(string message) => new(InferenceErrorCode.NotFound, message);
}
