using System.Diagnostics;
using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Paths;

namespace EdgeCloud.Bench.AgentPath;

/// <summary>Closed-loop throughput: <c>concurrency</c> callers each invoking the path back to back for a fixed time.</summary>
internal static class Throughput
{
    public static async Task<(double PerSecond, LatencySummary Latency)> MeasureAsync(
        ILatencyPath path, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder(1_000_000)).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, concurrency, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (worker, ct) =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var t = Stopwatch.GetTimestamp();
                await path.InvokeAsync(ct);
                recorders[worker].Record(Stopwatch.GetTimestamp() - t);
            }
        });

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = recorders.SelectMany(r => r.Snapshot()).ToArray();
        return (all.Length / elapsed, LatencySummary.From(all));
    }
}
