using System.Runtime.InteropServices;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// The binary section of a REST body (after the JSON header), handed out to the inputs that declare a
/// <c>binary_data_size</c>, in their order. Every byte must be claimed, and each input's size must fit its shape.
/// </summary>
internal sealed class V2BinaryInputs(ReadOnlyMemory<byte> section)
{
    public const string SizeParameter = "binary_data_size";

    private int _offset;

    public ReadOnlyMemory<byte> Take(string where, long size, DataType type, long elementCount)
    {
        var elementSize = type.ElementSize();
        if (elementSize > 0 && (elementCount > long.MaxValue / elementSize || size != elementCount * elementSize))
        {
            var expected = elementCount > long.MaxValue / elementSize ? "more bytes than can be counted" : $"{elementCount * elementSize} bytes";
            throw InferenceException.Invalid(
                $"{where}: {SizeParameter} is {size} bytes, but its shape holds {elementCount} {type.ToV2Name()} elements = {expected}");
        }

        var left = section.Length - _offset;
        if (size > left)
        {
            throw InferenceException.Invalid(section.Length == 0
                ? $"{where}: {SizeParameter} is {size} bytes, but the body has no binary data after its JSON; send the JSON's length in the Inference-Header-Content-Length header and the tensor bytes after it"
                : $"{where}: {SizeParameter} is {size} bytes, but only {left} bytes of binary data are left after the JSON header (at offset {_offset} of {section.Length})");
        }

        var slice = section.Slice(_offset, (int)size);
        _offset += (int)size;

        // Handed to ONNX Runtime in place, tensor data should start on a multiple of its element size, as gRPC's and
        // JSON's buffers do; after a JSON header of any length it often does not, and then it is copied.
        return elementSize > 1 && MemoryMarshal.TryGetArray(slice, out var segment) && segment.Offset % elementSize != 0
            ? slice.ToArray()
            : slice;
    }

    /// <summary>Refuses binary bytes that no input claimed (a wrong header length or a missing input).</summary>
    public void EnsureAllClaimed()
    {
        if (_offset != section.Length)
        {
            throw InferenceException.Invalid(
                $"the body has {section.Length} bytes of binary data after the JSON header, but the inputs' {SizeParameter} values add up to {_offset}");
        }
    }
}
