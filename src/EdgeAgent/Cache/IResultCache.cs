namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// Results of earlier inferences, keyed by model, version, variant and a digest of the inputs.
/// The payload is an opaque serialized <c>ModelInferResponse</c>; serializing it is the caller's job.
/// </summary>
public interface IResultCache
{
    /// <summary>The stored result for <paramref name="key"/>, or null on a miss (absent, expired, or the cache disabled).</summary>
    ValueTask<CachedResult?> TryGetAsync(ResultCacheKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores (or replaces) the result for <paramref name="key"/>, evicting least-recently-used
    /// entries in the same transaction to stay within the byte bound. A payload larger than the
    /// bound is not stored.
    /// </summary>
    ValueTask SetAsync(ResultCacheKey key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Removes every entry of <paramref name="model"/> (all versions and variants); returns how many.</summary>
    ValueTask<int> InvalidateModelAsync(string model, CancellationToken cancellationToken);

    /// <summary>Counters since start (hits, misses, evictions) and the stored size.</summary>
    ResultCacheStats Stats { get; }
}
