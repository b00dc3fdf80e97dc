using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Bench.Workloads;

/// <summary>
/// One input tensor, held once as little-endian bytes on the pinned object heap so every path
/// (ONNX Runtime directly, gRPC raw contents, REST JSON) sends exactly the same values.
/// </summary>
internal sealed class BenchTensor
{
    private BenchTensor(string name, string datatype, TensorElementType elementType, long[] shape, byte[] bytes)
    {
        Name = name;
        Datatype = datatype;
        ElementType = elementType;
        Shape = shape;
        Bytes = bytes;
    }

    public string Name { get; }

    /// <summary>The v2 datatype name, e.g. FP32.</summary>
    public string Datatype { get; }

    public TensorElementType ElementType { get; }

    public long[] Shape { get; }

    /// <summary>Row-major little-endian contents; pinned, so ONNX Runtime can read them in place.</summary>
    public byte[] Bytes { get; }

    public static BenchTensor Fp32(string name, long[] shape, ReadOnlySpan<float> values) =>
        new(name, "FP32", TensorElementType.Float, shape, Pinned(MemoryMarshal.AsBytes(values)));

    public static BenchTensor Int64(string name, long[] shape, ReadOnlySpan<long> values) =>
        new(name, "INT64", TensorElementType.Int64, shape, Pinned(MemoryMarshal.AsBytes(values)));

    public string ShapeText => $"[{string.Join(",", Shape)}]";

    private static byte[] Pinned(ReadOnlySpan<byte> source)
    {
        var bytes = GC.AllocateArray<byte>(source.Length, pinned: true);
        source.CopyTo(bytes);
        return bytes;
    }
}
