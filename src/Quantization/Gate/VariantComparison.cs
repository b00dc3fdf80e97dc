using System.Runtime.InteropServices;
using EdgeCloud.Quantization.Runtime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Quantization.Gate;

/// <summary>Runs an evaluation set through fp32 and a variant (CPU, one thread) and measures how far apart they are.</summary>
public static class VariantComparison
{
    public static ComparisonStats Compare(
        string referencePath, string variantPath, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples, ComparisonKind kind)
    {
        if (samples.Count == 0)
        {
            throw new QuantizationException("the evaluation set is empty");
        }

        using var reference = new ModelRunner(referencePath);
        using var variant = new ModelRunner(variantPath);
        var cosines = new List<double>();
        double maxAbs = 0;
        int agree = 0, rows = 0;
        foreach (var sample in samples)
        {
            var expected = reference.Run(sample);
            var actual = variant.Run(sample);
            foreach (var (name, want) in expected.Where(p => IsFloat(p.Value)))
            {
                var got = actual.TryGetValue(name, out var g) ? g : throw new QuantizationException($"the variant has no output '{name}'");
                float[] a = want.ToFloats(), b = got.ToFloats();
                if (a.Length != b.Length)
                {
                    throw new QuantizationException($"output '{name}': fp32 gives {a.Length} elements, the variant {b.Length}");
                }

                maxAbs = Math.Max(maxAbs, VectorMath.MaxAbsDiff(a, b));
                var (ok, n) = VectorMath.Top1(a, b, want.Shape);
                agree += ok;
                rows += n;
                if (kind == ComparisonKind.Outputs)
                {
                    cosines.Add(VectorMath.Cosine(a, b));
                }
                else if (want.Shape.Length == 3)
                {
                    var mask = MemoryMarshal.Cast<byte, long>(sample[MiniLmEvaluation.MaskInput].Data);
                    var width = (int)want.Shape[2];
                    cosines.Add(VectorMath.Cosine(MiniLmEvaluation.Embedding(a, mask, width), MiniLmEvaluation.Embedding(b, mask, width)));
                }
            }
        }

        if (cosines.Count == 0)
        {
            throw new QuantizationException(kind == ComparisonKind.PooledEmbedding
                ? "the embedding gate needs a 3-D float output (batch, tokens, hidden) to mean-pool"
                : "the model has no floating-point output to compare");
        }

        return new(samples.Count, cosines.Average(), cosines.Min(), maxAbs, rows == 0 ? 1 : (double)agree / rows);
    }

    private static bool IsFloat(SampleTensor t) =>
        t.ElementType is TensorElementType.Float or TensorElementType.Float16 or TensorElementType.Double;
}
