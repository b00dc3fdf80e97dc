using System.Diagnostics;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// Watches the hub's count of accepted <c>reported</c> messages (incremented by the intake right after the
/// registry took the report in) on a dedicated thread, and turns each increment into a time after the start.
/// Resolution is one poll (about 1 ms); reports arriving between polls get the poll's time (late, never early).
/// </summary>
internal sealed class IntakeWatch
{
    private readonly FleetCounters _counters;

    public IntakeWatch(FleetCounters counters) => _counters = counters;

    /// <summary>Polls until <paramref name="expected"/> new reports were accepted or the timeout passed; ms after <paramref name="start"/> per report.</summary>
    public Task<double[]> WaitAsync(long baseline, int expected, long start, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => done.SetResult(Poll(baseline, expected, start, timeout))) { IsBackground = true, Name = "fanout-intake-watch", Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return done.Task;
    }

    public long Accepted => _counters.AcceptedCount(FleetTopics.Reported);

    private double[] Poll(long baseline, int expected, long start, TimeSpan timeout)
    {
        var times = new List<double>(expected);
        var seen = 0L;
        while (seen < expected)
        {
            var now = Stopwatch.GetTimestamp();
            var count = Math.Min(Accepted - baseline, expected);
            var ms = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
            for (; seen < count; seen++)
            {
                times.Add(ms);
            }

            if (seen >= expected || Stopwatch.GetElapsedTime(start) > timeout)
            {
                break;
            }

            Thread.Sleep(1);
        }

        return [.. times];
    }
}
