namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The outbox's statements, prepared once per connection.</summary>
internal static class OutboxSql
{
    public const string Insert = """
        INSERT INTO outbox (id, kind, type, payload, size, created_at)
        VALUES ($id, $kind, $type, $payload, $size, $created) RETURNING seq;
        """;

    public const string Usage = "SELECT count(*), coalesce(sum(size), 0), min(created_at) FROM outbox;";

    public const string Head = "SELECT seq, size FROM outbox ORDER BY seq LIMIT 512;";

    public const string DeleteThrough = "DELETE FROM outbox WHERE seq <= $seq RETURNING size;";

    public const string FirstYoung = "SELECT seq FROM outbox WHERE created_at >= $cutoff ORDER BY seq LIMIT 1;";

    public const string DeleteBefore = "DELETE FROM outbox WHERE seq < $seq RETURNING size;";

    public const string DeleteAll = "DELETE FROM outbox RETURNING size;";

    public const string DeleteOne = "DELETE FROM outbox WHERE seq = $seq RETURNING size;";

    public const string Oldest = "SELECT created_at FROM outbox ORDER BY seq LIMIT 1;";

    public const string Batch = """
        SELECT seq, id, kind, type, payload, created_at FROM outbox ORDER BY seq LIMIT $limit;
        """;

    public const string Drops = "SELECT reason, events, bytes FROM outbox_drops;";

    public const string CountDrop = """
        UPDATE outbox_drops SET events = events + $events, bytes = bytes + $bytes WHERE reason = $reason;
        """;
}
