using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>Packs a JSON "data" array (flat or nested, row-major) into v2 raw little-endian bytes.</summary>
internal static class V2JsonData
{
    public static byte[] Pack(JsonElement data, DataType type, long expectedCount, string where)
    {
        var buffer = new ArrayBufferWriter<byte>();
        long count = 0;
        Walk(data, type, buffer, ref count, where, depth: 0);
        if (count != expectedCount)
        {
            throw InferenceException.Invalid($"{where}: the shape holds {expectedCount} elements but \"data\" has {count}");
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Walk(JsonElement element, DataType type, ArrayBufferWriter<byte> buffer, ref long count, string where, int depth)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            if (depth > 32)
            {
                throw InferenceException.Invalid($"{where}: \"data\" is nested more than 32 levels deep");
            }

            foreach (var item in element.EnumerateArray())
            {
                Walk(item, type, buffer, ref count, where, depth + 1);
            }

            return;
        }

        Write(element, type, buffer, count, where);
        count++;
    }

    private static void Write(JsonElement e, DataType type, ArrayBufferWriter<byte> buffer, long index, string where)
    {
        try
        {
            switch (type)
            {
                case DataType.Bool: Put(buffer, 1, s => s[0] = e.GetBoolean() ? (byte)1 : (byte)0); break;
                case DataType.Uint8: Put(buffer, 1, s => s[0] = e.GetByte()); break;
                case DataType.Int8: Put(buffer, 1, s => s[0] = (byte)e.GetSByte()); break;
                case DataType.Uint16: Put(buffer, 2, s => BinaryPrimitives.WriteUInt16LittleEndian(s, e.GetUInt16())); break;
                case DataType.Int16: Put(buffer, 2, s => BinaryPrimitives.WriteInt16LittleEndian(s, e.GetInt16())); break;
                case DataType.Uint32: Put(buffer, 4, s => BinaryPrimitives.WriteUInt32LittleEndian(s, e.GetUInt32())); break;
                case DataType.Int32: Put(buffer, 4, s => BinaryPrimitives.WriteInt32LittleEndian(s, e.GetInt32())); break;
                case DataType.Uint64: Put(buffer, 8, s => BinaryPrimitives.WriteUInt64LittleEndian(s, e.GetUInt64())); break;
                case DataType.Int64: Put(buffer, 8, s => BinaryPrimitives.WriteInt64LittleEndian(s, e.GetInt64())); break;
                case DataType.Fp16: Put(buffer, 2, s => BinaryPrimitives.WriteHalfLittleEndian(s, (Half)Number(e))); break;
                case DataType.Bf16: Put(buffer, 2, s => BinaryPrimitives.WriteUInt16LittleEndian(s, BFloat16Bits.FromSingle((float)Number(e)))); break;
                case DataType.Fp32: Put(buffer, 4, s => BinaryPrimitives.WriteSingleLittleEndian(s, (float)Number(e))); break;
                case DataType.Fp64: Put(buffer, 8, s => BinaryPrimitives.WriteDoubleLittleEndian(s, Number(e))); break;
                case DataType.Bytes:
                    var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException("a string");
                    var bytes = Encoding.UTF8.GetBytes(text);
                    Put(buffer, 4, s => BinaryPrimitives.WriteInt32LittleEndian(s, bytes.Length));
                    buffer.Write(bytes);
                    break;
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            throw InferenceException.Invalid(
                $"{where}: data element {index} is {e.GetRawText()}, which is not a valid {type.ToV2Name()} value");
        }
    }

    // Non-finite floats travel as the strings "NaN", "Infinity" and "-Infinity", as JSON has no literal for them.
    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when e.GetString() is "NaN" => double.NaN,
        JsonValueKind.String when e.GetString() is "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when e.GetString() is "-Infinity" => double.NegativeInfinity,
        _ => throw new FormatException("a number"),
    };

    private static void Put(ArrayBufferWriter<byte> buffer, int size, SpanAction write)
    {
        write(buffer.GetSpan(size)[..size]);
        buffer.Advance(size);
    }

    private delegate void SpanAction(Span<byte> span);
}
