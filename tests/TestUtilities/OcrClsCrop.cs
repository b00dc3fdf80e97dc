using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.TestUtilities;

/// <summary>ocr-cls requests: a 48×192 text-line crop of seeded noise, raw contents, one item.</summary>
public static class OcrClsCrop
{
    public static ModelInferRequest Request(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 48 * 192];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() - 0.5);
        }

        var request = new ModelInferRequest { ModelName = "ocr-cls", Id = $"cls-{seed}" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = "FP32" };
        input.Shape.AddRange([1, 3, 48, 192]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())));
        return request;
    }
}
