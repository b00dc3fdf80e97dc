using System.Buffers.Binary;
using System.Text.Json;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// One JSON element written as one fixed-size little-endian v2 value, per datatype. Structs with static
/// members, so <see cref="V2JsonData"/>'s fill loop is compiled once per type with no delegate per element.
/// A value that does not fit throws <see cref="FormatException"/>, <see cref="InvalidOperationException"/> or <see cref="OverflowException"/>.
/// </summary>
internal static class V2JsonElements
{
    public interface IFixedSize
    {
        static abstract int Size { get; }

        static abstract void Write(JsonElement element, Span<byte> destination);
    }

    public readonly struct Bool : IFixedSize
    {
        public static int Size => 1;

        public static void Write(JsonElement element, Span<byte> destination) => destination[0] = element.GetBoolean() ? (byte)1 : (byte)0;
    }

    public readonly struct UInt8 : IFixedSize
    {
        public static int Size => 1;

        public static void Write(JsonElement element, Span<byte> destination) => destination[0] = element.GetByte();
    }

    public readonly struct Int8 : IFixedSize
    {
        public static int Size => 1;

        public static void Write(JsonElement element, Span<byte> destination) => destination[0] = (byte)element.GetSByte();
    }

    public readonly struct UInt16 : IFixedSize
    {
        public static int Size => 2;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteUInt16LittleEndian(destination, element.GetUInt16());
    }

    public readonly struct Int16 : IFixedSize
    {
        public static int Size => 2;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteInt16LittleEndian(destination, element.GetInt16());
    }

    public readonly struct UInt32 : IFixedSize
    {
        public static int Size => 4;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, element.GetUInt32());
    }

    public readonly struct Int32 : IFixedSize
    {
        public static int Size => 4;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteInt32LittleEndian(destination, element.GetInt32());
    }

    public readonly struct UInt64 : IFixedSize
    {
        public static int Size => 8;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteUInt64LittleEndian(destination, element.GetUInt64());
    }

    public readonly struct Int64 : IFixedSize
    {
        public static int Size => 8;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteInt64LittleEndian(destination, element.GetInt64());
    }

    public readonly struct Fp16 : IFixedSize
    {
        public static int Size => 2;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteHalfLittleEndian(destination, (Half)Number(element));
    }

    public readonly struct Bf16 : IFixedSize
    {
        public static int Size => 2;

        public static void Write(JsonElement element, Span<byte> destination) =>
            BinaryPrimitives.WriteUInt16LittleEndian(destination, BFloat16Bits.FromSingle((float)Number(element)));
    }

    public readonly struct Fp32 : IFixedSize
    {
        public static int Size => 4;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteSingleLittleEndian(destination, (float)Number(element));
    }

    public readonly struct Fp64 : IFixedSize
    {
        public static int Size => 8;

        public static void Write(JsonElement element, Span<byte> destination) => BinaryPrimitives.WriteDoubleLittleEndian(destination, Number(element));
    }

    // Non-finite floats travel as the strings "NaN", "Infinity" and "-Infinity", as JSON has no literal for them.
    private static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when element.GetString() is "NaN" => double.NaN,
        JsonValueKind.String when element.GetString() is "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when element.GetString() is "-Infinity" => double.NegativeInfinity,
        _ => throw new FormatException("a number"),
    };
}
