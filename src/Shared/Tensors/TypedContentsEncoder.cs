using System.Buffers.Binary;
using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>
/// Writes a tensor into the v2 typed-contents field for its datatype: from an ONNX Runtime value, or from v2 raw bytes
/// (little-endian, row-major; BYTES as length-prefixed elements), e.g. one request's slice of a batched output.
/// </summary>
public static class TypedContentsEncoder
{
    public static InferTensorContents Encode(OrtValue value, DataType type, long count)
    {
        if (type != DataType.Bytes)
        {
            return FromFixedSize(type, value.GetTensorMutableRawData());
        }

        var contents = new InferTensorContents();
        for (var i = 0; i < count; i++)
        {
            contents.BytesContents.Add(ByteString.CopyFrom(value.GetStringElementAsSpan(i)));
        }

        return contents;
    }

    public static InferTensorContents FromRaw(DataType type, ReadOnlyMemory<byte> raw)
    {
        if (type != DataType.Bytes)
        {
            return FromFixedSize(type, raw.Span);
        }

        var contents = new InferTensorContents();
        foreach (var element in BytesElements.Split("output", raw, CountElements(raw.Span)))
        {
            contents.BytesContents.Add(ByteString.CopyFrom(element.Span));
        }

        return contents;
    }

    private static InferTensorContents FromFixedSize(DataType type, ReadOnlySpan<byte> bytes)
    {
        var contents = new InferTensorContents();
        switch (type)
        {
            case DataType.Bool: Fill(contents.BoolContents, bytes, static v => v != 0); break;
            case DataType.Int8: Fill(contents.IntContents, MemoryMarshal.Cast<byte, sbyte>(bytes), static v => v); break;
            case DataType.Int16: Fill(contents.IntContents, MemoryMarshal.Cast<byte, short>(bytes), static v => v); break;
            case DataType.Int32: Fill(contents.IntContents, MemoryMarshal.Cast<byte, int>(bytes), static v => v); break;
            case DataType.Int64: Fill(contents.Int64Contents, MemoryMarshal.Cast<byte, long>(bytes), static v => v); break;
            case DataType.Uint8: Fill(contents.UintContents, bytes, static v => v); break;
            case DataType.Uint16: Fill(contents.UintContents, MemoryMarshal.Cast<byte, ushort>(bytes), static v => v); break;
            case DataType.Uint32: Fill(contents.UintContents, MemoryMarshal.Cast<byte, uint>(bytes), static v => v); break;
            case DataType.Uint64: Fill(contents.Uint64Contents, MemoryMarshal.Cast<byte, ulong>(bytes), static v => v); break;
            case DataType.Fp32: Fill(contents.Fp32Contents, MemoryMarshal.Cast<byte, float>(bytes), static v => v); break;
            case DataType.Fp64: Fill(contents.Fp64Contents, MemoryMarshal.Cast<byte, double>(bytes), static v => v); break;
            default:
                throw new InvalidOperationException($"{type.ToV2Name()} travels only as raw contents");
        }

        return contents;
    }

    private static void Fill<TElement, TWire>(RepeatedField<TWire> field, ReadOnlySpan<TElement> data, Func<TElement, TWire> convert)
    {
        field.Capacity = data.Length;
        foreach (var item in data)
        {
            field.Add(convert(item));
        }
    }

    private static long CountElements(ReadOnlySpan<byte> raw)
    {
        long count = 0;
        var offset = 0;
        while (raw.Length - offset >= 4)
        {
            offset += 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(raw[offset..]);
            count++;
        }

        return count;
    }
}
