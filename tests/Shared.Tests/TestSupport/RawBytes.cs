using System.Runtime.InteropServices;
using Google.Protobuf;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>Little-endian raw contents for test requests (the test machines are little-endian, as is the wire).</summary>
internal static class RawBytes
{
    public static ByteString Of<T>(params T[] values)
        where T : unmanaged
    {
        Assert.True(BitConverter.IsLittleEndian, "these tests assume a little-endian machine");
        return ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static T[] To<T>(ByteString bytes)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(bytes.Span).ToArray();
}
