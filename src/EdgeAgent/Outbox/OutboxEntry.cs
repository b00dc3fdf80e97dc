namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>An event to store and forward.</summary>
/// <param name="Id">The producer's id (the hub's dedupe key), or null for a new UUIDv7.</param>
/// <param name="Kind">One of <see cref="OutboxKinds"/>.</param>
/// <param name="Type">The producer's name for what happened, e.g. <c>door.opened</c>.</param>
/// <param name="Payload">A UTF-8 JSON value.</param>
internal sealed record OutboxEntry(string? Id, string Kind, string Type, ReadOnlyMemory<byte> Payload);
