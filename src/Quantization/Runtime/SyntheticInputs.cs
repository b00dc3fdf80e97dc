using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Quantization.Runtime;

/// <summary>
/// One deterministic input per model input, from the session's metadata, for the load-and-run check of a
/// converted model: symbolic dimensions become 1 (the first) or 64, floats are in [-1, 1], integers are small.
/// </summary>
internal static class SyntheticInputs
{
    public static Dictionary<string, SampleTensor> For(IReadOnlyDictionary<string, NodeMetadata> inputs, int seed = 7)
    {
        var random = new Random(seed);
        var sample = new Dictionary<string, SampleTensor>(StringComparer.Ordinal);
        foreach (var (name, meta) in inputs)
        {
            if (!meta.IsTensor)
            {
                throw new QuantizationException($"input '{name}' is not a tensor; a sample for it cannot be made up");
            }

            var shape = meta.Dimensions.Select((d, i) => d > 0 ? (long)d : i == 0 ? 1L : 64L).ToArray();
            var count = (int)shape.Aggregate(1L, (a, b) => a * b);
            sample[name] = meta.ElementDataType switch
            {
                TensorElementType.Float => SampleTensor.FromFloats([.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))], shape),
                TensorElementType.Int64 => SampleTensor.FromInt64([.. Enumerable.Range(0, count).Select(_ => (long)random.Next(0, 2))], shape),
                _ => new SampleTensor(meta.ElementDataType, shape, new byte[count * Math.Max(1, ElementSize(meta.ElementDataType))]),
            };
        }

        return sample;
    }

    private static int ElementSize(TensorElementType type) => Onnx.TensorBytes.ElementSize((int)type);
}
