using System.Diagnostics;
using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.Protocol;
using Google.Protobuf;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Cache;

/// <summary>
/// Prints cache latencies to the test output (run with <c>--logger "console;verbosity=detailed"</c>).
/// Reports only; timing is not asserted, since CI machines vary.
/// </summary>
public sealed class SqliteResultCacheLatencyTests
{
    private const int Iterations = 2000;

    [Fact]
    public async Task Latency_KeyGetAndSet_IsReported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = CacheHarness.Create();
        var request = TokenRequest();
        var payload = new byte[1024];
        var key = ResultCacheKey.From(request, "1", "fp32");
        await harness.Cache.SetAsync(key, payload, ct);
        for (var i = 0; i < 200; i++)
        {
            await harness.Cache.TryGetAsync(key, ct); // warm up the reader and its prepared statement
        }

        var digest = Measure(() => ResultCacheKey.From(request, "1", "fp32"));
        var hit = await MeasureAsync(async () => await harness.Cache.TryGetAsync(key, ct));
        var absent = new ResultCacheKey("absent", "1", "fp32", key.InputDigest);
        var miss = await MeasureAsync(async () => await harness.Cache.TryGetAsync(absent, ct));
        var setIndex = 0;
        var set = await MeasureAsync(async () =>
        {
            var other = new ResultCacheKey("minilm", "1", "fp32", Convert.ToHexStringLower(BitConverter.GetBytes(setIndex++)).PadLeft(64, '0'));
            await harness.Cache.SetAsync(other, payload, ct);
            return null;
        });

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"ResultCacheKey.From (2x128 INT64 raw) {digest}");
        output?.WriteLine($"TryGetAsync hit (1 KiB)              {hit}");
        output?.WriteLine($"TryGetAsync miss                     {miss}");
        output?.WriteLine($"SetAsync (1 KiB, relaxed commit)     {set}");
        Assert.Equal((200 + Iterations, Iterations), (harness.Cache.Stats.Hits, harness.Cache.Stats.Misses));
    }

    private static ModelInferRequest TokenRequest()
    {
        var request = new ModelInferRequest { ModelName = "minilm", Id = "bench" };
        foreach (var name in (string[])["input_ids", "attention_mask"])
        {
            var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = "INT64" };
            input.Shape.Add([1, 128]);
            request.Inputs.Add(input);
            request.RawInputContents.Add(ByteString.CopyFrom(new byte[128 * sizeof(long)]));
        }

        return request;
    }

    private static Timing Measure(Action action)
    {
        var samples = new double[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return Timing.From(samples);
    }

    private static async ValueTask<Timing> MeasureAsync(Func<ValueTask<CachedResult?>> action)
    {
        var samples = new double[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return Timing.From(samples);
    }

    private readonly record struct Timing(double MeanUs, double P50Us, double P99Us)
    {
        public static Timing From(double[] samples)
        {
            Array.Sort(samples);
            return new Timing(samples.Average(), samples[samples.Length / 2], samples[(int)(samples.Length * 0.99)]);
        }

        public override string ToString() => $"mean {MeanUs,7:F1} µs  p50 {P50Us,7:F1} µs  p99 {P99Us,7:F1} µs";
    }
}
