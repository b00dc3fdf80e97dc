using EdgeCloud.EdgeAgent.Storage;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The outbox's tables (see <see cref="EdgeMigrations"/>).</summary>
/// <remarks>
/// <c>seq</c> is the rowid, so appends go to the end of the B-tree and the drain reads in
/// acceptance order without another index; AUTOINCREMENT keeps it increasing for the life of the
/// file even when the table empties. The event id is not indexed here: the hub is the one that
/// deduplicates by id. <c>outbox_drops</c> keeps the drop counters across restarts and is
/// updated in the transaction that drops.
/// </remarks>
internal static class OutboxSchema
{
    public static EdgeMigration V2 { get; } = new(2, "outbox", """
        CREATE TABLE outbox (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT    NOT NULL,
            kind       TEXT    NOT NULL,
            type       TEXT    NOT NULL,
            payload    BLOB    NOT NULL, -- UTF-8 JSON
            size       INTEGER NOT NULL, -- accounted bytes
            created_at INTEGER NOT NULL  -- Unix ms, when accepted
        ) STRICT;

        CREATE TABLE outbox_drops (
            reason TEXT    PRIMARY KEY,
            events INTEGER NOT NULL,
            bytes  INTEGER NOT NULL
        ) STRICT;
        INSERT INTO outbox_drops (reason, events, bytes) VALUES ('age', 0, 0), ('capacity', 0, 0);
        """);
}
