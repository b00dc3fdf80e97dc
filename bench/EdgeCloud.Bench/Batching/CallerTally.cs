using System.Diagnostics;

namespace EdgeCloud.Bench.Batching;

/// <summary>
/// One closed-loop caller's count over a cell: a warm-up, then the measured window. Answers completed inside the window
/// count toward throughput; requests both sent and answered inside it give the latencies.
/// </summary>
internal sealed class CallerTally(long measureFrom, long stopAt)
{
    public List<long> Latencies { get; } = new(4096);

    public int Completed { get; private set; }

    public int Errors { get; set; }

    /// <summary>The window of a cell starting now: its start after <paramref name="warmup"/>, its end <paramref name="measure"/> later.</summary>
    public static (long MeasureFrom, long StopAt) Window(TimeSpan warmup, TimeSpan measure)
    {
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return (measureFrom, measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>Whether a request sent at <paramref name="now"/> still belongs to the cell.</summary>
    public bool Continues(long now) => now < stopAt;

    public void Record(long sent, long done)
    {
        if (done >= measureFrom && done <= stopAt)
        {
            Completed++;
        }

        if (sent >= measureFrom && done <= stopAt)
        {
            Latencies.Add(done - sent);
        }
    }

    public static CellResult Summarize(IReadOnlyCollection<CallerTally> callers, TimeSpan measure) =>
        CellResult.From([.. callers.SelectMany(c => c.Latencies)], callers.Sum(c => c.Completed), callers.Sum(c => c.Errors), measure);
}
