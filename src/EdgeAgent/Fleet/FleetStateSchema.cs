using EdgeCloud.EdgeAgent.Storage;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>The agent's fleet state (see <see cref="EdgeMigrations"/>): bdSeq and last-known-good desired documents, by key.</summary>
internal static class FleetStateSchema
{
    /// <summary>Idempotent, so <see cref="FleetStateStore"/> can also run it when an older migration list lacks it.</summary>
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS fleet_state (
            key        TEXT    PRIMARY KEY, -- bdseq | lkg:{scope}
            value      TEXT    NOT NULL,
            updated_at INTEGER NOT NULL     -- Unix ms
        ) STRICT;
        """;

    public static EdgeMigration V4 { get; } = new(4, "fleet state", Sql);
}
