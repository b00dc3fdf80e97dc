namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>The cache's statements; each is prepared once per connection and reused.</summary>
internal static class ResultCacheSql
{
    public const string Lookup = """
        SELECT id, payload, created_at, expires_at FROM result_cache
        WHERE model = $model AND version = $version AND variant = $variant AND digest = $digest;
        """;

    public const string Upsert = """
        INSERT INTO result_cache (model, version, variant, digest, payload, size, created_at, expires_at, last_access)
        VALUES ($model, $version, $variant, $digest, $payload, $size, $now, $expires, $seq)
        ON CONFLICT (model, version, variant, digest) DO UPDATE SET
            payload = excluded.payload, size = excluded.size, created_at = excluded.created_at,
            expires_at = excluded.expires_at, last_access = excluded.last_access
        RETURNING id;
        """;

    public const string Touch = "UPDATE result_cache SET last_access = $seq WHERE id = $id AND last_access < $seq;";

    public const string PurgeExpired = "DELETE FROM result_cache WHERE expires_at <= $now;";

    public const string LeastRecentlyUsed = "SELECT id, size FROM result_cache WHERE id <> $keep ORDER BY last_access, id LIMIT 64;";

    public const string DeleteById = "DELETE FROM result_cache WHERE id = $id;";

    public const string DeleteModel = "DELETE FROM result_cache WHERE model = $model;";

    public const string Usage = "SELECT bytes, entries FROM result_cache_usage WHERE id = 1;";

    public const string MaxAccess = "SELECT COALESCE(MAX(last_access), 0) FROM result_cache;";
}
