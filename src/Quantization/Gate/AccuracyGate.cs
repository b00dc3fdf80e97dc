using EdgeCloud.Quantization.Runtime;

namespace EdgeCloud.Quantization.Gate;

/// <summary>Compares a variant with its fp32 model and says whether it may be published.</summary>
public static class AccuracyGate
{
    public static GateResult Evaluate(string fp32Path, string variantPath, GateSpec spec, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples)
    {
        var stats = VariantComparison.Compare(fp32Path, variantPath, samples, spec.Kind);
        return new GateResult(spec, stats, spec.Passes(stats));
    }
}
