using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using Google.Protobuf;

namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>Requests the agent tests send, and readers for the edgecloud.* response parameters.</summary>
internal static class AgentRequests
{
    /// <summary>An ocr-cls request (placement both): a 48×192 text-line crop made from <paramref name="seed"/>.</summary>
    public static ModelInferRequest OcrCls(int seed, bool cache = true, string? route = null) =>
        With(TestUtilities.OcrClsCrop.Request(seed), cache, route);

    public static ModelInferRequest Silero(float frequency, bool cache = true)
    {
        var samples = Enumerable.Range(0, 512).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / 16000))).ToArray();
        var request = new ModelInferRequest { ModelName = "silero-vad" };
        request.Inputs.Add(Tensor("input", "FP32", 1, 512));
        request.Inputs.Add(Tensor("state", "FP32", 2, 1, 128));
        request.Inputs.Add(Tensor("sr", "INT64"));
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(samples.AsSpan())));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[2 * 128 * 4]));
        request.RawInputContents.Add(ByteString.CopyFrom(BitConverter.GetBytes(16000L)));
        return With(request, cache, route: null);
    }

    public static ModelInferRequest Resnet(bool cache = true)
    {
        var request = new ModelInferRequest { ModelName = "resnet18" };
        request.Inputs.Add(Tensor("Input247", "FP32", 1, 3, 224, 224));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[3 * 224 * 224 * 4]));
        return With(request, cache, route: null);
    }

    public static string ServedBy(this ModelInferResponse response) => response.Parameters[EdgeCloudParameters.ServedBy].StringParam;

    public static bool Degraded(this ModelInferResponse response) => response.Parameters[EdgeCloudParameters.Degraded].BoolParam;

    private static ModelInferRequest With(ModelInferRequest request, bool cache, string? route)
    {
        if (!cache)
        {
            request.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
        }

        if (route is not null)
        {
            request.Parameters[EdgeCloudParameters.Route] = new InferParameter { StringParam = route };
        }

        return request;
    }

    private static ModelInferRequest.Types.InferInputTensor Tensor(string name, string datatype, params long[] shape)
    {
        var tensor = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype };
        tensor.Shape.AddRange(shape);
        return tensor;
    }
}
