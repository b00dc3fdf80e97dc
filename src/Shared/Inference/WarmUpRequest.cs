using System.Buffers.Binary;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.Shared.Inference;

/// <summary>
/// A request that fits a model's inputs: zeros with each variable dimension set to 1, unless the
/// model's config gives an input its own warm-up shape and fill value.
/// </summary>
internal static class WarmUpRequest
{
    public static ModelInferRequest For(ModelSessionInfo info, IReadOnlyList<WarmupInputConfig> overrides)
    {
        var request = new ModelInferRequest { ModelName = info.Name, Id = "warm-up" };
        foreach (var spec in info.Inputs)
        {
            var custom = overrides.FirstOrDefault(o => o.Name == spec.Name);
            var shape = custom?.Shape?.ToArray() ?? [.. spec.Shape.Select(d => d < 0 ? 1L : d)];
            var count = shape.Aggregate(1L, (a, d) => a * d);
            var input = new ModelInferRequest.Types.InferInputTensor { Name = spec.Name, Datatype = spec.DataType.ToV2Name() };
            input.Shape.AddRange(shape);
            request.Inputs.Add(input);
            request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(Fill(spec.DataType, count, custom?.Fill ?? 0)));
        }

        return request;
    }

    private static byte[] Fill(DataType type, long count, double value)
    {
        if (type == DataType.Bytes)
        {
            return BytesElements.Join(Enumerable.Repeat(ReadOnlyMemory<byte>.Empty, (int)count).ToArray());
        }

        var size = type.ElementSize();
        var bytes = new byte[count * size];
        if (value == 0)
        {
            return bytes;
        }

        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var span = bytes.AsSpan(offset);
            switch (type)
            {
                case DataType.Fp32: BinaryPrimitives.WriteSingleLittleEndian(span, (float)value); break;
                case DataType.Fp64: BinaryPrimitives.WriteDoubleLittleEndian(span, value); break;
                case DataType.Int64: BinaryPrimitives.WriteInt64LittleEndian(span, (long)value); break;
                case DataType.Int32: BinaryPrimitives.WriteInt32LittleEndian(span, (int)value); break;
                case DataType.Int16: BinaryPrimitives.WriteInt16LittleEndian(span, (short)value); break;
                case DataType.Uint16: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
                case DataType.Uint32: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
                case DataType.Uint64: BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)value); break;
                case DataType.Fp16: BinaryPrimitives.WriteHalfLittleEndian(span, (Half)value); break;
                case DataType.Bf16: BinaryPrimitives.WriteUInt16LittleEndian(span, BFloat16Bits.FromSingle((float)value)); break;
                case DataType.Int8: span[0] = (byte)(sbyte)value; break;
                case DataType.Bool: span[0] = value != 0 ? (byte)1 : (byte)0; break;
                default: span[0] = (byte)value; break;
            }
        }

        return bytes;
    }
}
