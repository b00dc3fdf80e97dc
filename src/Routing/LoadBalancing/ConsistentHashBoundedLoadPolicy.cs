using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// Consistent hashing with bounded loads (Mirrokni, Thorup, Zadimoghaddam): the key
/// (<see cref="RoutingContext.HashKey"/>) goes to the first backend clockwise on the ring whose
/// outstanding requests are under ⌈c × (total + 1) / n⌉. Rings are immutable snapshots cached per
/// candidate list (callers may filter per model) and rebuilt when that list changes.
/// </summary>
internal sealed class ConsistentHashBoundedLoadPolicy(IOptionsMonitor<ConsistentHashOptions> options) : IBackendPolicy
{
    internal const int MaxCachedRings = 64;

    private readonly ConcurrentDictionary<ulong, HashRing> _rings = new();

    public string Name => BackendPolicies.ConsistentHashBoundedLoad;

    public BackendState? Pick(RoutingContext context, IReadOnlyList<BackendState> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var current = options.CurrentValue;
        var ring = GetRing(candidates, current.VirtualNodesPerBackend);
        var capacity = Capacity(candidates, current.LoadFactor);
        return ring.Walk(StableHash.Hash(context.HashKey), capacity, static (backend, cap) => backend.Outstanding < cap)
            ?? candidates.MinBy(static b => b.Outstanding);
    }

    internal static int Capacity(IReadOnlyList<BackendState> candidates, double loadFactor)
    {
        long total = 0;
        foreach (var candidate in candidates)
        {
            total += candidate.Outstanding;
        }

        return (int)Math.Ceiling(loadFactor * (total + 1) / candidates.Count);
    }

    private HashRing GetRing(IReadOnlyList<BackendState> candidates, int virtualNodes)
    {
        var key = SetKey(candidates);
        if (_rings.TryGetValue(key, out var ring) && ring.IsFor(candidates, virtualNodes))
        {
            return ring;
        }

        if (_rings.Count >= MaxCachedRings)
        {
            _rings.Clear();
        }

        ring = HashRing.Build(candidates, virtualNodes);
        _rings[key] = ring;
        return ring;
    }

    private static ulong SetKey(IReadOnlyList<BackendState> candidates)
    {
        var key = (ulong)candidates.Count;
        foreach (var candidate in candidates)
        {
            key = ((key << 5) | (key >> 59)) ^ candidate.IdHash;
        }

        return key;
    }
}
