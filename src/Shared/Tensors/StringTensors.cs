using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Builds ONNX Runtime string tensors (v2 BYTES) from UTF-8 element bytes.</summary>
internal static class StringTensors
{
    public static OrtValue Create(long[] shape, IReadOnlyList<ReadOnlyMemory<byte>> elements)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        for (var i = 0; i < elements.Count; i++)
        {
            value.StringTensorSetElementAt(elements[i].Span, i);
        }

        return value;
    }
}
