using System.Diagnostics;
using EdgeCloud.Quantization.Runtime;

namespace EdgeCloud.QuantBench;

/// <summary>Times two models on the same input, interleaved run by run so machine noise hits both alike (1 intra-op thread).</summary>
internal static class LatencyPair
{
    public static (Percentiles Baseline, Percentiles Variant) Measure(
        string baselinePath, string variantPath, IReadOnlyDictionary<string, SampleTensor> input, int iterations)
    {
        using var baseline = new ModelRunner(baselinePath, intraOpThreads: 1);
        using var variant = new ModelRunner(variantPath, intraOpThreads: 1);
        for (var i = 0; i < 10; i++)
        {
            baseline.Run(input);
            variant.Run(input);
        }

        var a = new double[iterations];
        var b = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            a[i] = Time(baseline, input);
            b[i] = Time(variant, input);
        }

        return (Percentiles.Of(a), Percentiles.Of(b));
    }

    private static double Time(ModelRunner runner, IReadOnlyDictionary<string, SampleTensor> input)
    {
        var start = Stopwatch.GetTimestamp();
        runner.Run(input);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
