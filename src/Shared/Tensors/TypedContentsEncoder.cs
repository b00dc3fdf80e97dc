using EdgeCloud.Protocol;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Copies an ONNX Runtime tensor into the v2 typed-contents field for its datatype.</summary>
internal static class TypedContentsEncoder
{
    public static InferTensorContents Encode(OrtValue value, DataType type, long count)
    {
        var contents = new InferTensorContents();
        switch (type)
        {
            case DataType.Bool: Fill(contents.BoolContents, value.GetTensorDataAsSpan<bool>(), static v => v); break;
            case DataType.Int8: Fill(contents.IntContents, value.GetTensorDataAsSpan<sbyte>(), static v => v); break;
            case DataType.Int16: Fill(contents.IntContents, value.GetTensorDataAsSpan<short>(), static v => v); break;
            case DataType.Int32: Fill(contents.IntContents, value.GetTensorDataAsSpan<int>(), static v => v); break;
            case DataType.Int64: Fill(contents.Int64Contents, value.GetTensorDataAsSpan<long>(), static v => v); break;
            case DataType.Uint8: Fill(contents.UintContents, value.GetTensorDataAsSpan<byte>(), static v => v); break;
            case DataType.Uint16: Fill(contents.UintContents, value.GetTensorDataAsSpan<ushort>(), static v => v); break;
            case DataType.Uint32: Fill(contents.UintContents, value.GetTensorDataAsSpan<uint>(), static v => v); break;
            case DataType.Uint64: Fill(contents.Uint64Contents, value.GetTensorDataAsSpan<ulong>(), static v => v); break;
            case DataType.Fp32: Fill(contents.Fp32Contents, value.GetTensorDataAsSpan<float>(), static v => v); break;
            case DataType.Fp64: Fill(contents.Fp64Contents, value.GetTensorDataAsSpan<double>(), static v => v); break;
            case DataType.Bytes:
                for (var i = 0; i < count; i++)
                {
                    contents.BytesContents.Add(ByteString.CopyFrom(value.GetStringElementAsSpan(i)));
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
}
