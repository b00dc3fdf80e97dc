using EdgeCloud.EdgeAgent.Storage;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>The deferred-jobs table (see <see cref="EdgeMigrations"/>).</summary>
/// <remarks>
/// A job is <c>pending</c> until the cloud answers, then <c>succeeded</c> (with the serialized
/// <c>ModelInferResponse</c>) or <c>failed</c> (with the hub's verdict), and is deleted at
/// <c>expires_at</c>. There is no "running" state to recover: a job interrupted by a crash is
/// still pending and simply runs again.
/// </remarks>
internal static class DeferredJobSchema
{
    public static EdgeMigration V3 { get; } = new(3, "deferred jobs", """
        CREATE TABLE deferred_jobs (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT    NOT NULL UNIQUE,
            model        TEXT    NOT NULL,
            request      BLOB    NOT NULL, -- ModelInferRequest
            state        TEXT    NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
            created_at   INTEGER NOT NULL, -- Unix ms
            completed_at INTEGER,
            expires_at   INTEGER,
            response     BLOB,             -- ModelInferResponse
            error        TEXT
        ) STRICT;
        CREATE INDEX ix_deferred_jobs_state ON deferred_jobs (state, seq);
        CREATE INDEX ix_deferred_jobs_expiry ON deferred_jobs (expires_at) WHERE expires_at IS NOT NULL;
        """);
}
