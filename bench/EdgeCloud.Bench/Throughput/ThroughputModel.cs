using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Bench.Throughput;

/// <summary>What the bench needs to know of the model: its one FP32 input, the shape of one request, its first output, and whether the batch axis is dynamic.</summary>
internal sealed record ThroughputModel(string InputName, long[] RequestShape, string OutputName, bool DynamicBatch)
{
    public long ElementsPerItem => RequestShape.Skip(1).Aggregate(1L, (a, d) => a * d);

    public string ShapeText => $"[{string.Join(",", RequestShape)}]";

    /// <summary>Reads the model from its session; a shape given on the command line must agree with every fixed dimension.</summary>
    public static ThroughputModel Read(InferenceSession session, IReadOnlyList<long>? requestedShape)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new InvalidOperationException($"expected a model with one input, got {session.InputMetadata.Count}: {string.Join(", ", session.InputMetadata.Keys)}");
        }

        var (name, input) = session.InputMetadata.Single();
        if (input.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
        {
            throw new InvalidOperationException($"expected input '{name}' of type FP32, got {input.ElementDataType}");
        }

        var dims = input.Dimensions;
        var shape = requestedShape is null ? Infer(name, dims) : Check(name, dims, requestedShape);
        return new ThroughputModel(name, shape, session.OutputNames[0], DynamicBatch: dims[0] < 0);
    }

    private static long[] Infer(string name, int[] dims)
    {
        if (dims.Skip(1).Any(d => d < 0))
        {
            throw new InvalidOperationException($"input '{name}' has dynamic dimensions [{string.Join(",", dims)}]; give one request's shape with --input-shape");
        }

        return [1, .. dims.Skip(1).Select(d => (long)d)];
    }

    private static long[] Check(string name, int[] dims, IReadOnlyList<long> shape)
    {
        var mismatch = shape.Count != dims.Length || shape[0] != 1 || dims.Zip(shape).Skip(1).Any(p => p.First >= 0 && p.First != p.Second);
        return mismatch
            ? throw new InvalidOperationException($"--input-shape [{string.Join(",", shape)}] does not fit input '{name}' [{string.Join(",", dims)}] (one item per request: batch 1)")
            : [.. shape];
    }
}
