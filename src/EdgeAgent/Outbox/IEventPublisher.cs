namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Where the outbox drains to: the hub.</summary>
internal interface IEventPublisher
{
    /// <summary>False when the agent has no hub (<c>Agent:Cloud:Endpoint</c> empty): events are kept, not sent.</summary>
    bool IsConfigured { get; }

    string Endpoint { get; }

    /// <summary>Sends <paramref name="batch"/> in one call (empty: a heartbeat); returns the ids the hub now stores durably.</summary>
    Task<IReadOnlySet<string>> PublishAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken);
}
