namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// The agent's durable store-and-forward queue. <see cref="AppendAsync"/> returns only after the
/// event is committed to disk (<c>synchronous=FULL</c>); concurrent appends share one commit.
/// </summary>
internal interface IOutbox
{
    /// <summary>Stores <paramref name="entry"/> durably and returns its id.</summary>
    /// <exception cref="ArgumentException">The entry breaks a rule (id, kind, type, size); the message says which.</exception>
    /// <exception cref="OutboxUnavailableException">The store could not commit it; nothing was acknowledged.</exception>
    ValueTask<OutboxReceipt> AppendAsync(OutboxEntry entry, CancellationToken cancellationToken);

    OutboxStats Stats { get; }
}
