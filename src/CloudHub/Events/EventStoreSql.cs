namespace EdgeCloud.CloudHub.Events;

/// <summary>The hub's event store schema and statements.</summary>
internal static class EventStoreSql
{
    /// <summary>Schema version 1 (<c>PRAGMA user_version</c>).</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            device_id   TEXT    NOT NULL,
            id          TEXT    NOT NULL,
            fleet       TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            type        TEXT    NOT NULL,
            sequence    INTEGER NOT NULL,
            created_at  INTEGER NOT NULL, -- Unix ms, on the device
            received_at INTEGER NOT NULL, -- Unix ms, at the hub
            payload     BLOB    NOT NULL,
            PRIMARY KEY (device_id, id)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ix_events_device_sequence ON events (device_id, sequence);
        PRAGMA user_version = 1;
        """;

    public const string Insert = """
        INSERT OR IGNORE INTO events (device_id, id, fleet, kind, type, sequence, created_at, received_at, payload)
        VALUES ($device, $id, $fleet, $kind, $type, $sequence, $created, $received, $payload);
        """;

    public const string CountForDevice = "SELECT count(*) FROM events WHERE device_id = $device;";

    public const string IdsForDevice = "SELECT id FROM events WHERE device_id = $device ORDER BY sequence;";
}
