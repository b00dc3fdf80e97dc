using EdgeCloud.EdgeAgent.Storage;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>The result cache's tables (see <see cref="EdgeMigrations"/>).</summary>
/// <remarks>
/// <c>last_access</c> is a logical clock (a counter bumped on every store and hit), not a time, so
/// LRU order is exact even when hits fall in the same millisecond. <c>result_cache_usage</c> is
/// kept by triggers, so the byte bound is enforced from the file itself, in the same transaction.
/// </remarks>
internal static class ResultCacheSchema
{
    public static EdgeMigration V1 { get; } = new(1, "result cache", """
        CREATE TABLE result_cache (
            id          INTEGER PRIMARY KEY,
            model       TEXT    NOT NULL,
            version     TEXT    NOT NULL,
            variant     TEXT    NOT NULL,
            digest      TEXT    NOT NULL,
            payload     BLOB    NOT NULL,
            size        INTEGER NOT NULL,
            created_at  INTEGER NOT NULL, -- Unix ms
            expires_at  INTEGER NOT NULL, -- Unix ms
            last_access INTEGER NOT NULL  -- logical LRU clock
        ) STRICT;
        CREATE UNIQUE INDEX ux_result_cache_key ON result_cache (model, version, variant, digest);
        CREATE INDEX ix_result_cache_lru ON result_cache (last_access);
        CREATE INDEX ix_result_cache_expiry ON result_cache (expires_at);

        CREATE TABLE result_cache_usage (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            bytes   INTEGER NOT NULL,
            entries INTEGER NOT NULL
        ) STRICT;
        INSERT INTO result_cache_usage (id, bytes, entries) VALUES (1, 0, 0);

        CREATE TRIGGER result_cache_inserted AFTER INSERT ON result_cache BEGIN
            UPDATE result_cache_usage SET bytes = bytes + NEW.size, entries = entries + 1 WHERE id = 1;
        END;
        CREATE TRIGGER result_cache_deleted AFTER DELETE ON result_cache BEGIN
            UPDATE result_cache_usage SET bytes = bytes - OLD.size, entries = entries - 1 WHERE id = 1;
        END;
        CREATE TRIGGER result_cache_resized AFTER UPDATE OF size ON result_cache BEGIN
            UPDATE result_cache_usage SET bytes = bytes + NEW.size - OLD.size WHERE id = 1;
        END;
        """);
}
