using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Google.Protobuf.Collections;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Copies an input's typed contents (the v2 field for its datatype) into an ONNX Runtime tensor.</summary>
internal static class TypedContentsDecoder
{
    public static OrtValue Decode(ModelInferRequest.Types.InferInputTensor input, DataType type, long[] shape, long count)
    {
        var contents = input.Contents ?? new InferTensorContents();
        var name = input.Name;
        return type switch
        {
            DataType.Bool => Copy(name, type, contents.BoolContents, "bool_contents", count, shape, static v => v),
            DataType.Int8 => Copy(name, type, contents.IntContents, "int_contents", count, shape, v => checked((sbyte)Range(name, v, sbyte.MinValue, sbyte.MaxValue))),
            DataType.Int16 => Copy(name, type, contents.IntContents, "int_contents", count, shape, v => checked((short)Range(name, v, short.MinValue, short.MaxValue))),
            DataType.Int32 => Copy(name, type, contents.IntContents, "int_contents", count, shape, static v => v),
            DataType.Int64 => Copy(name, type, contents.Int64Contents, "int64_contents", count, shape, static v => v),
            DataType.Uint8 => Copy(name, type, contents.UintContents, "uint_contents", count, shape, v => checked((byte)Range(name, v, 0, byte.MaxValue))),
            DataType.Uint16 => Copy(name, type, contents.UintContents, "uint_contents", count, shape, v => checked((ushort)Range(name, v, 0, ushort.MaxValue))),
            DataType.Uint32 => Copy(name, type, contents.UintContents, "uint_contents", count, shape, static v => v),
            DataType.Uint64 => Copy(name, type, contents.Uint64Contents, "uint64_contents", count, shape, static v => v),
            DataType.Fp32 => Copy(name, type, contents.Fp32Contents, "fp32_contents", count, shape, static v => v),
            DataType.Fp64 => Copy(name, type, contents.Fp64Contents, "fp64_contents", count, shape, static v => v),
            DataType.Bytes => Bytes(name, contents.BytesContents, count, shape),
            _ => throw InferenceException.Invalid(
                $"input '{name}': {type.ToV2Name()} has no typed contents field in the v2 protocol; send it in raw_input_contents"),
        };
    }

    private static OrtValue Copy<TWire, TElement>(
        string name, DataType type, RepeatedField<TWire> wire, string field, long count, long[] shape, Func<TWire, TElement> convert)
        where TElement : unmanaged
    {
        if (wire.Count != count)
        {
            throw InferenceException.Invalid(
                $"input '{name}': expected {count} values in {field} for {type.ToV2Name()}{TensorSpec.FormatShape(shape)}, got {wire.Count}");
        }

        var buffer = new TElement[count];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = convert(wire[i]);
        }

        return OrtValue.CreateTensorValueFromMemory(buffer, shape);
    }

    private static OrtValue Bytes(string name, RepeatedField<Google.Protobuf.ByteString> wire, long count, long[] shape)
    {
        if (wire.Count != count)
        {
            throw InferenceException.Invalid(
                $"input '{name}': expected {count} values in bytes_contents for BYTES{TensorSpec.FormatShape(shape)}, got {wire.Count}");
        }

        return StringTensors.Create(shape, wire.Select(b => b.Memory).ToArray());
    }

    private static long Range(string name, long value, long min, long max) =>
        value < min || value > max
            ? throw InferenceException.Invalid($"input '{name}': value {value} is outside the datatype's range [{min}, {max}]")
            : value;
}
