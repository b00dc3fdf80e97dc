namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>The deferred jobs' statements, prepared once per connection.</summary>
internal static class DeferredJobSql
{
    public const string CountPending = "SELECT count(*) FROM deferred_jobs WHERE state = 'pending';";

    public const string Insert = """
        INSERT INTO deferred_jobs (id, model, request, state, created_at) VALUES ($id, $model, $request, 'pending', $now);
        """;

    public const string NextPending = "SELECT id, request FROM deferred_jobs WHERE state = 'pending' ORDER BY seq LIMIT 1;";

    public const string Finish = """
        UPDATE deferred_jobs SET state = $state, completed_at = $now, expires_at = $expires, response = $response, error = $error
        WHERE id = $id AND state = 'pending';
        """;

    public const string Get = """
        SELECT id, model, state, created_at, completed_at, expires_at, response, error FROM deferred_jobs WHERE id = $id AND coalesce(expires_at > $now, 1);
        """;

    public const string PurgeExpired = "DELETE FROM deferred_jobs WHERE expires_at <= $now;";
}
