using System.Diagnostics;

namespace EdgeCloud.Bench.Outbox;

/// <summary>Runs <c>producers</c> concurrent loops of one acknowledged append each, for a warm-up and then a measured window.</summary>
internal static class ProducerLoop
{
    public static async Task<OutboxStepResult> RunAsync(
        string path, int producers, TimeSpan warmup, TimeSpan duration, Func<int, CancellationToken, ValueTask> appendOnce, CancellationToken cancellationToken)
    {
        await RunWindowAsync(producers, warmup, appendOnce, record: false, cancellationToken);
        var (samples, elapsed) = await RunWindowAsync(producers, duration, appendOnce, record: true, cancellationToken);
        var ms = samples.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new OutboxStepResult(path, producers, ms.Length, ms.Length / elapsed.TotalSeconds, Percentile(ms, 0.50), Percentile(ms, 0.99), ms.Length == 0 ? 0 : ms[^1]);
    }

    private static async Task<(List<long> Samples, TimeSpan Elapsed)> RunWindowAsync(
        int producers, TimeSpan window, Func<int, CancellationToken, ValueTask> appendOnce, bool record, CancellationToken cancellationToken)
    {
        var perProducer = Enumerable.Range(0, producers).Select(_ => new List<long>(100_000)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var samples = perProducer[p];
            while (clock.Elapsed < window && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await appendOnce(p, cancellationToken);
                if (record)
                {
                    samples.Add(Stopwatch.GetTimestamp() - started);
                }
            }
        }, cancellationToken)));
        return ([.. perProducer.SelectMany(s => s)], clock.Elapsed);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
