using System.Runtime.InteropServices;
using EdgeCloud.Quantization.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Quantization.Runtime;

/// <summary>One tensor held as little-endian bytes: a model input or output, of any numeric ONNX type.</summary>
public sealed record SampleTensor(TensorElementType ElementType, long[] Shape, byte[] Data)
{
    public static SampleTensor FromFloats(float[] values, params long[] shape) =>
        new(TensorElementType.Float, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static SampleTensor FromInt64(long[] values, params long[] shape) =>
        new(TensorElementType.Int64, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static SampleTensor FromProto(TensorProto tensor) =>
        new((TensorElementType)tensor.DataType, [.. tensor.Dims], TensorBytes.Read(tensor));

    public static SampleTensor FromOrtValue(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return new(info.ElementDataType, info.Shape, value.GetTensorMutableRawData().ToArray());
    }

    /// <summary>The elements as floats (float, float16, double, integer types).</summary>
    public float[] ToFloats() => ElementType switch
    {
        TensorElementType.Float => MemoryMarshal.Cast<byte, float>(Data).ToArray(),
        TensorElementType.Float16 => [.. MemoryMarshal.Cast<byte, Half>(Data).ToArray().Select(h => (float)h)],
        TensorElementType.Double => [.. MemoryMarshal.Cast<byte, double>(Data).ToArray().Select(d => (float)d)],
        TensorElementType.Int64 => [.. MemoryMarshal.Cast<byte, long>(Data).ToArray().Select(v => (float)v)],
        TensorElementType.Int32 => [.. MemoryMarshal.Cast<byte, int>(Data).ToArray().Select(v => (float)v)],
        TensorElementType.UInt8 or TensorElementType.Bool => [.. Data.Select(v => (float)v)],
        TensorElementType.Int8 => [.. Data.Select(v => (float)(sbyte)v)],
        _ => throw new QuantizationException($"cannot read a {ElementType} tensor as numbers"),
    };

    public TensorProto ToProto(string name)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)ElementType, RawData = Google.Protobuf.ByteString.CopyFrom(Data) };
        tensor.Dims.Add(Shape);
        return tensor;
    }

    public OrtValue ToOrtValue()
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, ElementType, Shape);
        Data.CopyTo(value.GetTensorMutableRawData());
        return value;
    }
}
