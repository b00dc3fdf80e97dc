namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>
/// The latest successful cloud round trips per model (a ring of <see cref="Capacity"/>), for hedging at an observed
/// quantile rather than a fixed delay ("The Tail at Scale": hedge after the 95th percentile). Thread-safe.
/// </summary>
internal sealed class CloudLatencyWindow
{
    public const int Capacity = 128;

    /// <summary>Fewer samples than this give no quantile: the fixed delay applies until the window has seen enough.</summary>
    public const int MinSamples = 20;

    private readonly Dictionary<string, Ring> _rings = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Record(string model, TimeSpan latency)
    {
        lock (_gate)
        {
            if (!_rings.TryGetValue(model, out var ring))
            {
                _rings[model] = ring = new Ring();
            }

            ring.Add(latency.Ticks);
        }
    }

    /// <summary>The <paramref name="quantile"/> (nearest rank) of <paramref name="model"/>'s window, or null below <see cref="MinSamples"/>.</summary>
    public TimeSpan? Quantile(string model, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        Span<long> sorted = stackalloc long[Capacity];
        int count;
        lock (_gate)
        {
            if (!_rings.TryGetValue(model, out var ring) || ring.Count < MinSamples)
            {
                return null;
            }

            count = ring.CopyTo(sorted);
        }

        sorted = sorted[..count];
        sorted.Sort();
        return TimeSpan.FromTicks(sorted[Math.Clamp((int)Math.Ceiling(quantile * count) - 1, 0, count - 1)]);
    }

    private sealed class Ring
    {
        private readonly long[] _ticks = new long[Capacity];
        private int _next;

        public int Count { get; private set; }

        public void Add(long ticks)
        {
            _ticks[_next] = ticks;
            _next = (_next + 1) % Capacity;
            Count = Math.Min(Count + 1, Capacity);
        }

        public int CopyTo(Span<long> target)
        {
            _ticks.AsSpan(0, Count).CopyTo(target);
            return Count;
        }
    }
}
