namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>An undelivered event as read back for the drain.</summary>
internal sealed record StoredEvent(long Sequence, string Id, string Kind, string Type, byte[] Payload, long CreatedUnixMs);
