using System.Diagnostics;
using EdgeCloud.Bench.Paths;

namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// Warms each path up for a fixed time, then measures them interleaved: iteration i calls every
/// path once, starting at a rotating offset, so drift in machine load lands on all paths alike.
/// </summary>
internal sealed class InterleavedRunner(TextWriter progress)
{
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

    public async Task<IReadOnlyList<PathResult>> MeasureAsync(IReadOnlyList<ILatencyPath> paths, int iterations, CancellationToken cancellationToken)
    {
        var recorders = paths.Select(_ => new LatencyRecorder(iterations)).ToArray();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var index = (i + k) % paths.Count;
                var start = Stopwatch.GetTimestamp();
                await paths[index].InvokeAsync(cancellationToken);
                recorders[index].Record(Stopwatch.GetTimestamp() - start);
            }
        }

        return [.. paths.Select((p, i) => new PathResult(p.Name, p.Role, recorders[i].Summarize()))];
    }
}
