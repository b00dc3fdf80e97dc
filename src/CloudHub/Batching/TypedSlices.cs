using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Turns one request's slice of a raw output (little-endian, row-major) into the v2 typed-contents field for its datatype.</summary>
internal static class TypedSlices
{
    public static InferTensorContents ToContents(DataType type, ReadOnlyMemory<byte> raw)
    {
        var contents = new InferTensorContents();
        var bytes = raw.Span;
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
            case DataType.Bytes:
                foreach (var element in BytesElements.Split("output", raw, CountStrings(bytes)))
                {
                    contents.BytesContents.Add(ByteString.CopyFrom(element.Span));
                }

                break;
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

    private static long CountStrings(ReadOnlySpan<byte> raw)
    {
        long count = 0;
        var offset = 0;
        while (raw.Length - offset >= 4)
        {
            offset += 4 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(raw[offset..]);
            count++;
        }

        return count;
    }
}
