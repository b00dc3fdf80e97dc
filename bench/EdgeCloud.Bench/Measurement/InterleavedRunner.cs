using System.Diagnostics;
using EdgeCloud.Bench.Paths;

namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// Warms each path up for a fixed time, then measures them interleaved in blocks: each round runs a
/// block of calls on every path, starting at a rotating path, until every path has its samples. Drift
/// in machine load lands on all paths alike, while within a block a path runs undisturbed by the one
/// before (on few cores, thread-pool threads still spinning after a hub call slow the next call down).
/// The first calls of each block only settle the path and are not recorded.
/// </summary>
internal sealed class InterleavedRunner(TextWriter progress)
{
    /// <summary>Calls at the start of each block that are run but not recorded (block size 1 records every call).</summary>
    public const int SettleCalls = 2;

    public async Task WarmUpAsync(IReadOnlyList<ILatencyPath> paths, TimeSpan perPath, CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            var start = Stopwatch.GetTimestamp();
            long calls = 0;
            do
            {
                await path.InvokeAsync(cancellationToken);
                calls++;
            }
            while (Stopwatch.GetElapsedTime(start) < perPath);

            progress.WriteLine($"    warm-up {path.Name}: {calls} calls in {perPath.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Call-by-call interleaving (blocks of one): every call recorded.</summary>
    public Task<IReadOnlyList<PathResult>> MeasureAsync(IReadOnlyList<ILatencyPath> paths, int iterations, CancellationToken cancellationToken) =>
        MeasureAsync(paths, iterations, blockSize: 1, cancellationToken);

    public async Task<IReadOnlyList<PathResult>> MeasureAsync(
        IReadOnlyList<ILatencyPath> paths, int iterations, int blockSize, CancellationToken cancellationToken)
    {
        var recorders = paths.Select(_ => new LatencyRecorder(iterations)).ToArray();
        var settle = Math.Min(SettleCalls, blockSize - 1);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var round = 0; recorders.Any(r => r.Count < iterations); round++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var index = (round + k) % paths.Count;
                for (var call = 0; call < blockSize && recorders[index].Count < iterations; call++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await paths[index].InvokeAsync(cancellationToken);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    if (call >= settle)
                    {
                        recorders[index].Record(elapsed);
                    }
                }
            }
        }

        return [.. paths.Select((p, i) => new PathResult(p.Name, p.Role, recorders[i].Summarize()))];
    }
}
