namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The outbox could not store an event (disk error, shutting down); it was not acknowledged.</summary>
public sealed class OutboxUnavailableException : Exception
{
    public OutboxUnavailableException()
    {
    }

    public OutboxUnavailableException(string message)
        : base(message)
    {
    }

    public OutboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
