namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Proof of a durable append: the event's id and its place in the outbox.</summary>
internal readonly record struct OutboxReceipt(string Id, long Sequence);
