using System.Globalization;

namespace EdgeCloud.Quantization.Gate;

/// <summary>A gate's verdict with the numbers behind it.</summary>
public sealed record GateResult(GateSpec Spec, ComparisonStats Stats, bool Passed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"gate {Spec}: {(Passed ? "passed" : "REJECTED")} with {Spec.ValueOf(Stats):F5} ({Stats})");
}
