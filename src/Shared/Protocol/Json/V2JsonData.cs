using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// Packs a JSON "data" array (flat or nested, row-major) into v2 raw little-endian bytes. Elements are
/// counted first, so a count that disagrees with the shape is refused before anything is allocated,
/// and fixed-size types are written by a loop specialised per type into one buffer of the final size.
/// </summary>
internal static class V2JsonData
{
    private const int MaxDepth = 32;

    public static byte[] Pack(JsonElement data, DataType type, long expectedCount, string where)
    {
        var count = Count(data, where, depth: 0);
        if (count != expectedCount)
        {
            throw InferenceException.Invalid($"{where}: the shape holds {expectedCount} elements but \"data\" has {count}");
        }

        return type switch
        {
            DataType.Bool => Fill<V2JsonElements.Bool>(data, count, type, where),
            DataType.Uint8 => Fill<V2JsonElements.UInt8>(data, count, type, where),
            DataType.Int8 => Fill<V2JsonElements.Int8>(data, count, type, where),
            DataType.Uint16 => Fill<V2JsonElements.UInt16>(data, count, type, where),
            DataType.Int16 => Fill<V2JsonElements.Int16>(data, count, type, where),
            DataType.Uint32 => Fill<V2JsonElements.UInt32>(data, count, type, where),
            DataType.Int32 => Fill<V2JsonElements.Int32>(data, count, type, where),
            DataType.Uint64 => Fill<V2JsonElements.UInt64>(data, count, type, where),
            DataType.Int64 => Fill<V2JsonElements.Int64>(data, count, type, where),
            DataType.Fp16 => Fill<V2JsonElements.Fp16>(data, count, type, where),
            DataType.Bf16 => Fill<V2JsonElements.Bf16>(data, count, type, where),
            DataType.Fp32 => Fill<V2JsonElements.Fp32>(data, count, type, where),
            DataType.Fp64 => Fill<V2JsonElements.Fp64>(data, count, type, where),
            DataType.Bytes => PackBytes(data, where),
            _ => throw InferenceException.Invalid($"{where}: datatype {type} cannot be sent as JSON data"),
        };
    }

    private static long Count(JsonElement element, string where, int depth)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return 1;
        }

        if (depth > MaxDepth)
        {
            throw InferenceException.Invalid($"{where}: \"data\" is nested more than {MaxDepth} levels deep");
        }

        long count = 0;
        foreach (var item in element.EnumerateArray())
        {
            count += Count(item, where, depth + 1);
        }

        return count;
    }

    private static byte[] Fill<TElement>(JsonElement data, long count, DataType type, string where)
        where TElement : V2JsonElements.IFixedSize
    {
        if (count > Array.MaxLength / TElement.Size)
        {
            throw InferenceException.Invalid($"{where}: {count} {type.ToV2Name()} elements do not fit in one tensor buffer (at most {Array.MaxLength / TElement.Size})");
        }

        var bytes = new byte[count * TElement.Size];
        var index = 0;
        FillFrom<TElement>(data, bytes, ref index, type, where);
        return bytes;
    }

    private static void FillFrom<TElement>(JsonElement element, byte[] bytes, ref int index, DataType type, string where)
        where TElement : V2JsonElements.IFixedSize
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                FillFrom<TElement>(item, bytes, ref index, type, where);
            }

            return;
        }

        try
        {
            TElement.Write(element, bytes.AsSpan(index * TElement.Size, TElement.Size));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            throw NotA(type, element, index, where);
        }

        index++;
    }

    private static byte[] PackBytes(JsonElement data, string where)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var index = 0L;
        PackBytesFrom(data, buffer, ref index, where);
        return buffer.WrittenSpan.ToArray();
    }

    private static void PackBytesFrom(JsonElement element, ArrayBufferWriter<byte> buffer, ref long index, string where)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                PackBytesFrom(item, buffer, ref index, where);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw NotA(DataType.Bytes, element, index, where);
        }

        var text = element.GetString()!;
        var length = Encoding.UTF8.GetByteCount(text);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(length)));
        index++;
    }

    private static InferenceException NotA(DataType type, JsonElement element, long index, string where) =>
        InferenceException.Invalid($"{where}: data element {index} is {element.GetRawText()}, which is not a valid {type.ToV2Name()} value");
}
