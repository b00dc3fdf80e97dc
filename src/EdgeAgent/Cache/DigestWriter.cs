using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// Feeds a canonical, unambiguous byte stream into SHA-256: fixed-width little-endian numbers,
/// length-prefixed strings and byte strings. Small values go through a pooled buffer; large byte
/// strings (raw tensors) are hashed in place.
/// </summary>
internal sealed class DigestWriter : IDisposable
{
    private const int BufferSize = 4096;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void WriteSingle(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        if (length <= BufferSize)
        {
            Encoding.UTF8.GetBytes(value, Reserve(length));
            return;
        }

        WriteBytesInPlace(Encoding.UTF8.GetBytes(value));
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        if (value.Length <= 256)
        {
            value.CopyTo(Reserve(value.Length));
            return;
        }

        WriteBytesInPlace(value);
    }

    /// <summary>Finishes and returns the digest as 64 lowercase hex characters.</summary>
    public string ToHex()
    {
        Flush();
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void WriteBytesInPlace(ReadOnlySpan<byte> value)
    {
        Flush();
        _hash.AppendData(value);
    }

    private Span<byte> Reserve(int count)
    {
        if (_used + count > BufferSize)
        {
            Flush();
        }

        var span = _buffer.AsSpan(_used, count);
        _used += count;
        return span;
    }

    private void Flush()
    {
        if (_used > 0)
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
