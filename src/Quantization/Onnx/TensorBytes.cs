using System.Runtime.InteropServices;
using Google.Protobuf;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Onnx;

/// <summary>A <see cref="TensorProto"/>'s elements as little-endian bytes, whichever field holds them.</summary>
public static class TensorBytes
{
    public static long ElementCount(TensorProto tensor) => tensor.Dims.Aggregate(1L, (n, d) => n * d);

    /// <summary>The element size of a numeric ONNX data type, or 0 when it has none (strings, sub-byte types).</summary>
    public static int ElementSize(int dataType) => (DataType)dataType switch
    {
        DataType.Float or DataType.Int32 or DataType.Uint32 => 4,
        DataType.Double or DataType.Int64 or DataType.Uint64 => 8,
        DataType.Float16 or DataType.Bfloat16 or DataType.Int16 or DataType.Uint16 => 2,
        DataType.Int8 or DataType.Uint8 or DataType.Bool => 1,
        _ => 0,
    };

    public static byte[] Read(TensorProto tensor)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw new QuantizationException(
                $"tensor '{tensor.Name}' keeps its data in an external file; external data is not supported: save the model with its data inside");
        }

        var size = ElementSize(tensor.DataType);
        if (size == 0)
        {
            throw new QuantizationException($"tensor '{tensor.Name}' has data type {(DataType)tensor.DataType}, which is not a numeric type this tool reads");
        }

        var count = ElementCount(tensor);
        var bytes = tensor.RawData.Length > 0 ? tensor.RawData.ToByteArray() : FromTypedField(tensor, size, count);
        return bytes.LongLength == count * size
            ? bytes
            : throw new QuantizationException(
                $"tensor '{tensor.Name}': {bytes.LongLength} data bytes for shape [{string.Join(",", tensor.Dims)}] of {(DataType)tensor.DataType}; expected {count * size}");
    }

    public static float[] ReadFloats(TensorProto tensor)
    {
        var bytes = Read(tensor);
        return (DataType)tensor.DataType switch
        {
            DataType.Float => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            DataType.Float16 => [.. MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h)],
            DataType.Double => [.. MemoryMarshal.Cast<byte, double>(bytes).ToArray().Select(d => (float)d)],
            _ => throw new QuantizationException($"tensor '{tensor.Name}' is {(DataType)tensor.DataType}, expected a floating-point tensor"),
        };
    }

    public static TensorProto Create<T>(string name, DataType type, ReadOnlySpan<T> values, params long[] dims)
        where T : unmanaged
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)) };
        tensor.Dims.Add(dims);
        return tensor;
    }

    private static byte[] FromTypedField(TensorProto tensor, int size, long count)
    {
        var type = (DataType)tensor.DataType;
        switch (type)
        {
            case DataType.Float:
                return MemoryMarshal.AsBytes(tensor.FloatData.ToArray().AsSpan()).ToArray();
            case DataType.Double:
                return MemoryMarshal.AsBytes(tensor.DoubleData.ToArray().AsSpan()).ToArray();
            case DataType.Int64:
                return MemoryMarshal.AsBytes(tensor.Int64Data.ToArray().AsSpan()).ToArray();
            case DataType.Uint64:
                return MemoryMarshal.AsBytes(tensor.Uint64Data.ToArray().AsSpan()).ToArray();
            case DataType.Uint32:
                return MemoryMarshal.AsBytes(tensor.Uint64Data.Select(v => (uint)v).ToArray().AsSpan()).ToArray();
            default:
                // int32_data carries int32, int16, int8, uint16, uint8, bool, float16 and bfloat16, one element each.
                var bytes = new byte[Math.Max(count, tensor.Int32Data.Count) * size];
                for (var i = 0; i < tensor.Int32Data.Count; i++)
                {
                    var v = tensor.Int32Data[i];
                    for (var b = 0; b < size; b++)
                    {
                        bytes[(i * size) + b] = (byte)(v >> (8 * b));
                    }
                }

                return bytes[..(tensor.Int32Data.Count * size)];
        }
    }
}
