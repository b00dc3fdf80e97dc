namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>A snapshot of the outbox. Drop counts are kept in the database, so they cover the file's whole life.</summary>
internal sealed record OutboxStats(
    long PendingEvents,
    long PendingBytes,
    DateTimeOffset? OldestPending,
    long Appended,
    long Delivered,
    long DroppedByAge,
    long DroppedByCapacity,
    long DroppedBytesByAge,
    long DroppedBytesByCapacity);
