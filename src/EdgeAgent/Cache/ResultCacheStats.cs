namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// A snapshot of the result cache. Hits, misses, evictions and expirations count since the process
/// started; <see cref="Bytes"/> (payload bytes) and <see cref="Entries"/> describe what is stored.
/// </summary>
public readonly record struct ResultCacheStats(long Hits, long Misses, long Evictions, long Expirations, long Bytes, long Entries)
{
    /// <summary>Hits over lookups, 0 when there were none.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
