using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Writes ONNX Runtime outputs into a v2 response, as raw bytes or typed contents.</summary>
public static class OutputEncoder
{
    public static void Append(ModelInferResponse response, string name, OrtValue value, bool raw)
    {
        var info = value.GetTensorTypeAndShape();
        var type = DataTypes.FromOrt(info.ElementDataType)
            ?? throw new InferenceException(
                InferenceErrorCode.Internal,
                $"output '{name}' has element type {info.ElementDataType}, which the v2 protocol cannot carry");

        var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = name, Datatype = type.ToV2Name() };
        tensor.Shape.AddRange(info.Shape);
        if (raw)
        {
            response.RawOutputContents.Add(ToRaw(value, type, info.ElementCount));
        }
        else
        {
            tensor.Contents = TypedContentsEncoder.Encode(value, type, info.ElementCount);
        }

        response.Outputs.Add(tensor);
    }

    private static ByteString ToRaw(OrtValue value, DataType type, long count)
    {
        if (type != DataType.Bytes)
        {
            return ByteString.CopyFrom(value.GetTensorMutableRawData());
        }

        var elements = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            elements[i] = value.GetStringElementAsSpan(i).ToArray();
        }

        return UnsafeByteOperations.UnsafeWrap(BytesElements.Join(elements));
    }
}
