using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>Requests for ocr-cls (x FP32[N,3,48,192] → FP32[N,2]): small and fast, for traffic in integration tests.</summary>
internal static class OcrClsRequests
{
    public static ModelInferRequest Create(int seed, string model = "ocr-cls")
    {
        var random = new Random(seed);
        var pixels = new float[3 * 48 * 192];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        var request = new ModelInferRequest { ModelName = model, Id = $"cls-{seed}" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = "FP32" };
        input.Shape.Add([1, 3, 48, 192]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())));
        return request;
    }
}
