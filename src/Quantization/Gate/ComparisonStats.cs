using System.Globalization;

namespace EdgeCloud.Quantization.Gate;

/// <summary>How close a variant's outputs are to fp32's over an evaluation set.</summary>
/// <param name="Samples">Evaluation samples run through both models.</param>
/// <param name="MeanCosine">Mean cosine similarity (embeddings or flattened outputs, as compared).</param>
/// <param name="MinCosine">The worst sample's cosine.</param>
/// <param name="MaxAbsDiff">Largest absolute difference of any output element.</param>
/// <param name="Top1Agreement">Share of rows whose argmax over the last non-unit axis agrees.</param>
public sealed record ComparisonStats(int Samples, double MeanCosine, double MinCosine, double MaxAbsDiff, double Top1Agreement)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Samples} samples: mean cosine {MeanCosine:F5}, min cosine {MinCosine:F5}, max abs diff {MaxAbsDiff:G4}, top-1 agreement {Top1Agreement:P1}");
}
