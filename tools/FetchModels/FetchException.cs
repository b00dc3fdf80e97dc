namespace EdgeCloud.FetchModels;

/// <summary>A failure with a message a person can act on; printed without a stack trace.</summary>
internal sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
