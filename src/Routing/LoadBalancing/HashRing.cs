using System.Globalization;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// An immutable consistent-hash ring over one candidate list, with virtual nodes placed by backend
/// id. Rebuilt only when the candidates change.
/// </summary>
internal sealed class HashRing
{
    private readonly BackendState[] _backends;
    private readonly ulong[] _points;
    private readonly int[] _owners;

    private HashRing(BackendState[] backends, int virtualNodes, ulong[] points, int[] owners)
    {
        _backends = backends;
        VirtualNodes = virtualNodes;
        _points = points;
        _owners = owners;
    }

    public int VirtualNodes { get; }

    public static HashRing Build(IReadOnlyList<BackendState> candidates, int virtualNodes)
    {
        var backends = candidates.ToArray();
        var nodes = new (ulong Point, string Id, int Owner)[backends.Length * virtualNodes];
        for (var owner = 0; owner < backends.Length; owner++)
        {
            var id = backends[owner].Id;
            for (var replica = 0; replica < virtualNodes; replica++)
            {
                var point = StableHash.Hash(string.Create(CultureInfo.InvariantCulture, $"{id}#{replica}"));
                nodes[(owner * virtualNodes) + replica] = (point, id, owner);
            }
        }

        Array.Sort(nodes, static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : string.CompareOrdinal(a.Id, b.Id));
        return new HashRing(
            backends,
            virtualNodes,
            Array.ConvertAll(nodes, static n => n.Point),
            Array.ConvertAll(nodes, static n => n.Owner));
    }

    /// <summary>Whether this ring was built from exactly these candidates, in this order.</summary>
    public bool IsFor(IReadOnlyList<BackendState> candidates, int virtualNodes)
    {
        if (virtualNodes != VirtualNodes || candidates.Count != _backends.Length)
        {
            return false;
        }

        for (var i = 0; i < _backends.Length; i++)
        {
            if (!ReferenceEquals(candidates[i], _backends[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Walks clockwise from <paramref name="hash"/> and returns the first distinct backend that
    /// <paramref name="accepts"/>; <see langword="null"/> when none does.
    /// </summary>
    public BackendState? Walk<TState>(ulong hash, TState state, Func<BackendState, TState, bool> accepts)
    {
        var start = Array.BinarySearch(_points, hash);
        if (start < 0)
        {
            start = ~start;
        }

        Span<bool> seen = _backends.Length <= 256 ? stackalloc bool[_backends.Length] : new bool[_backends.Length];
        var remaining = _backends.Length;
        for (var step = 0; step < _points.Length && remaining > 0; step++)
        {
            var owner = _owners[(start + step) % _points.Length];
            if (seen[owner])
            {
                continue;
            }

            seen[owner] = true;
            remaining--;
            if (accepts(_backends[owner], state))
            {
                return _backends[owner];
            }
        }

        return null;
    }
}
