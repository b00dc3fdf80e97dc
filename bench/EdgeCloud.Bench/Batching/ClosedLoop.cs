using System.Diagnostics;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.Batching;

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> callers, each sending its next request as soon as
/// the last one is answered, for a warm-up (not recorded) and then a measured window.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<CellResult> RunAsync(
        GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest[] requests, int concurrency, TimeSpan warmup, TimeSpan measure)
    {
        var (measureFrom, stopAt) = CallerTally.Window(warmup, measure);
        var perCaller = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var tally = new CallerTally(measureFrom, stopAt);
            for (var i = caller; ; i += concurrency)
            {
                var sent = Stopwatch.GetTimestamp();
                if (!tally.Continues(sent))
                {
                    return tally;
                }

                try
                {
                    await client.ModelInferAsync(requests[i % requests.Length]);
                }
                catch (Grpc.Core.RpcException)
                {
                    tally.Errors++;
                    continue;
                }

                tally.Record(sent, Stopwatch.GetTimestamp());
            }
        })));

        return CallerTally.Summarize(perCaller, measure);
    }
}

/// <summary>
/// One cell: throughput (answers completed inside the measured window, per second) and latency percentiles (nearest
/// rank, milliseconds) of the requests both sent and answered inside it.
/// </summary>
internal sealed record CellResult(int Requests, int Errors, double PerSecond, double P50, double P99)
{
    public double MeanBatch { get; init; }

    public static CellResult From(long[] ticks, int completed, int errors, TimeSpan window)
    {
        Array.Sort(ticks);
        double Ms(double percent) => ticks.Length == 0 ? double.NaN
            : ticks[Math.Clamp((int)Math.Ceiling(percent / 100 * ticks.Length) - 1, 0, ticks.Length - 1)] * 1e3 / Stopwatch.Frequency;
        return new CellResult(ticks.Length, errors, completed / window.TotalSeconds, Ms(50), Ms(99));
    }
}
