using System.Globalization;
using EdgeCloud.Quantization.Gate;

namespace EdgeCloud.QuantBench;

/// <summary>One line of the results table: a variant against its fp32 model.</summary>
internal sealed record VariantRow(
    string Model, string Variant, long Fp32Bytes, long VariantBytes, double ConvertSeconds, ComparisonStats Accuracy, string Metric,
    Percentiles Fp32, Percentiles VariantLatency)
{
    public const string Header = """
        | model | variant | size fp32 → variant | convert | accuracy vs fp32 | fp32 p50 / p99 (ms) | variant p50 / p99 (ms) | p50 ratio |
        |---|---|---|---|---|---|---|---|
        """;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Model} | {Variant} | {Fp32Bytes / 1e6:F1} MB → {VariantBytes / 1e6:F1} MB ({100.0 * VariantBytes / Fp32Bytes:F1}%) | {ConvertSeconds:F1} s " +
        $"| {Metric} mean {Accuracy.MeanCosine:F4} (min {Accuracy.MinCosine:F4}, max abs diff {Accuracy.MaxAbsDiff:G3}, {Accuracy.Samples} samples) " +
        $"| {Fp32.P50:F2} / {Fp32.P99:F2} | {VariantLatency.P50:F2} / {VariantLatency.P99:F2} | {VariantLatency.P50 / Fp32.P50:F2} |");
}
