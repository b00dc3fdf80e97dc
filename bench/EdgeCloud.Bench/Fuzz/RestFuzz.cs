using System.Net;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities.Fuzzing;

namespace EdgeCloud.Bench.Fuzz;

/// <summary>Hostile REST bodies (binary tensor data extension) against one server from several callers, each with its own seeded mutator.</summary>
internal static class RestFuzz
{
    public static async Task<RestFuzzResult> RunAsync(HttpClient http, ModelInferRequest valid, int count, int seed, FuzzOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var runs = Enumerable.Range(0, options.Concurrency).Select(_ => new RestFuzzRun(http, valid.ModelName, options.Bound)).ToArray();
        await Task.WhenAll(runs.Select((run, w) =>
            run.RunAsync(new RestBodyMutator(valid, (seed * 1000) + w), (count / options.Concurrency) + (w < count % options.Concurrency ? 1 : 0), cancellationToken)));
        var counts = new SortedDictionary<HttpStatusCode, int>();
        foreach (var (status, n) in runs.SelectMany(r => r.Counts))
        {
            counts[status] = counts.GetValueOrDefault(status) + n;
        }

        return new RestFuzzResult(counts, [.. runs.SelectMany(r => r.Findings)], runs.Max(r => r.Slowest), System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}

internal sealed record RestFuzzResult(SortedDictionary<HttpStatusCode, int> Counts, IReadOnlyList<string> Findings, TimeSpan Slowest, TimeSpan Elapsed)
{
    public int Total => Counts.Values.Sum();

    public string Summary => string.Join(", ", Counts.Select(c => $"{(int)c.Key}={c.Value}"));
}
