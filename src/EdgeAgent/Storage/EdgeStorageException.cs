namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// The agent's database cannot be opened or written where it was configured. The message names
/// the path and what to do; the agent does not fall back to memory or a temporary folder.
/// </summary>
public sealed class EdgeStorageException : IOException
{
    /// <summary>Creates the exception.</summary>
    public EdgeStorageException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EdgeStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EdgeStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
