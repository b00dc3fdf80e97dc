using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities.Fuzzing;
using Grpc.Core;

namespace EdgeCloud.Bench.Fuzz;

/// <summary>Mutated ModelInferRequests against one server from several callers, each with its own seeded mutator.</summary>
internal static class InferFuzz
{
    public static async Task<InferFuzzResult> RunAsync(
        GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest valid, int count, int seed, FuzzOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var runs = Enumerable.Range(0, options.Concurrency).Select(w => new FuzzRun(client, options.Bound)).ToArray();
        await Task.WhenAll(runs.Select((run, w) =>
            run.RunAsync(new InferRequestMutator(valid, (seed * 1000) + w), (count / options.Concurrency) + (w < count % options.Concurrency ? 1 : 0), cancellationToken)));
        var counts = new SortedDictionary<StatusCode, int>();
        foreach (var (code, n) in runs.SelectMany(r => r.Counts))
        {
            counts[code] = counts.GetValueOrDefault(code) + n;
        }

        return new InferFuzzResult(
            counts, [.. runs.SelectMany(r => r.Findings)], runs.Max(r => r.Slowest), System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}

internal sealed record InferFuzzResult(SortedDictionary<StatusCode, int> Counts, IReadOnlyList<string> Findings, TimeSpan Slowest, TimeSpan Elapsed)
{
    public int Total => Counts.Values.Sum();

    public string Summary => string.Join(", ", Counts.Select(c => $"{c.Key}={c.Value}"));
}
