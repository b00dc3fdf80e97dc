using System.Buffers.Binary;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tensors;

/// <summary>The raw layout of a BYTES tensor: each element is a 4-byte little-endian length, then its bytes.</summary>
public static class BytesElements
{
    /// <summary>Splits raw BYTES contents into exactly <paramref name="count"/> elements, or throws naming the problem.</summary>
    public static ReadOnlyMemory<byte>[] Split(string inputName, ReadOnlyMemory<byte> raw, long count)
    {
        // Sized by what the bytes can hold, not by the declared count, which a request may inflate.
        var elements = new List<ReadOnlyMemory<byte>>((int)Math.Min(count, (raw.Length / 4) + 1));
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            if (raw.Length - offset < 4)
            {
                throw InferenceException.Invalid(
                    $"input '{inputName}': BYTES raw contents end after {i} of {count} elements (a 4-byte length prefix was expected at byte {offset})");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(raw.Span[offset..]);
            offset += 4;
            if (length > (uint)(raw.Length - offset))
            {
                throw InferenceException.Invalid(
                    $"input '{inputName}': BYTES element {i} declares {length} bytes but only {raw.Length - offset} remain");
            }

            elements.Add(raw.Slice(offset, (int)length));
            offset += (int)length;
        }

        if (offset != raw.Length)
        {
            throw InferenceException.Invalid(
                $"input '{inputName}': BYTES raw contents hold {raw.Length - offset} bytes after the {count} elements the shape declares");
        }

        return [.. elements];
    }

    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> elements)
    {
        var total = elements.Sum(e => 4L + e.Length);
        var buffer = new byte[total];
        var offset = 0;
        foreach (var element in elements)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), (uint)element.Length);
            element.Span.CopyTo(buffer.AsSpan(offset + 4));
            offset += 4 + element.Length;
        }

        return buffer;
    }
}
