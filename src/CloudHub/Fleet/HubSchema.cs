namespace EdgeCloud.CloudHub.Fleet;

/// <summary>The hub database's tables. Never edit a shipped version; add the next.</summary>
internal static class HubSchema
{
    public const int Version = 1;

    public const string V1 = """
        CREATE TABLE devices (
            id          TEXT    PRIMARY KEY,
            fleet       TEXT    NOT NULL,
            groups      TEXT    NOT NULL,  -- JSON array
            secret_hash BLOB    NOT NULL,  -- sha256(salt || secret)
            salt        BLOB    NOT NULL,
            created_at  INTEGER NOT NULL,  -- Unix ms
            online      INTEGER NOT NULL DEFAULT 0,
            last_seen   INTEGER NOT NULL DEFAULT 0,
            bd_seq      INTEGER NOT NULL DEFAULT -1,
            reported    TEXT,               -- last ReportedState JSON
            telemetry   TEXT                -- last TelemetryMessage JSON
        ) STRICT;
        CREATE TABLE desired (
            fleet      TEXT    NOT NULL,
            scope      TEXT    NOT NULL,   -- device:{id} | group:{name}
            version    INTEGER NOT NULL,
            document   TEXT    NOT NULL,   -- DesiredDocument JSON
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (fleet, scope, version)
        ) STRICT;
        CREATE TABLE models (
            name         TEXT    NOT NULL,
            version      TEXT    NOT NULL,
            manifest     TEXT    NOT NULL,  -- ModelManifest JSON
            published_at INTEGER NOT NULL,
            PRIMARY KEY (name, version)
        ) STRICT;
        CREATE TABLE rollouts (
            id       TEXT PRIMARY KEY,
            document TEXT NOT NULL          -- RolloutStatus JSON
        ) STRICT;
        """;
}
