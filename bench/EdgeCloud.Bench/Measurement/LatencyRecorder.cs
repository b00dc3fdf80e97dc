using System.Diagnostics;

namespace EdgeCloud.Bench.Measurement;

/// <summary>Collects call durations as raw <see cref="Stopwatch"/> ticks into a preallocated array (no allocation per sample).</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;

    public int Count => _count;

    public void Record(long elapsedTicks)
    {
        if (_count < _ticks.Length)
        {
            _ticks[_count++] = elapsedTicks;
        }
    }

    public LatencySummary Summarize() => LatencySummary.From(_ticks.AsSpan(0, _count));

    /// <summary>The recorded ticks so far, for merging several recorders.</summary>
    public long[] Snapshot() => _ticks.AsSpan(0, _count).ToArray();
}
