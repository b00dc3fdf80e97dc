using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>Builders for the v2 requests the integration tests send.</summary>
internal static class Requests
{
    public static ModelInferRequest Silero(float[] samples, bool typed = false)
    {
        var request = new ModelInferRequest { ModelName = "silero-vad", Id = "vad-1" };
        var state = new float[2 * 1 * 128];
        var sr = new long[] { 16000 };
        if (typed)
        {
            request.Inputs.Add(Typed("input", "FP32", [1, samples.Length], c => c.Fp32Contents.AddRange(samples)));
            request.Inputs.Add(Typed("state", "FP32", [2, 1, 128], c => c.Fp32Contents.AddRange(state)));
            request.Inputs.Add(Typed("sr", "INT64", [], c => c.Int64Contents.AddRange(sr)));
            return request;
        }

        request.Inputs.Add(Tensor("input", "FP32", 1, samples.Length));
        request.Inputs.Add(Tensor("state", "FP32", 2, 1, 128));
        request.Inputs.Add(Tensor("sr", "INT64"));
        request.RawInputContents.Add(Raw(samples));
        request.RawInputContents.Add(Raw(state));
        request.RawInputContents.Add(Raw(sr));
        return request;
    }

    public static float[] Sine(int count, double frequency = 440) =>
        [.. Enumerable.Range(0, count).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / 16000)))];

    public static ModelInferRequest Resnet(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 224 * 224];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        var request = new ModelInferRequest { ModelName = "resnet18" };
        request.Inputs.Add(Tensor("Input247", "FP32", 1, 3, 224, 224));
        request.RawInputContents.Add(Raw(pixels));
        return request;
    }

    public static ModelInferRequest.Types.InferInputTensor Tensor(string name, string datatype, params long[] shape)
    {
        var tensor = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype };
        tensor.Shape.AddRange(shape);
        return tensor;
    }

    public static ByteString Raw<T>(T[] values) where T : unmanaged =>
        ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));

    public static float[] Floats(ByteString raw) => MemoryMarshal.Cast<byte, float>(raw.Span).ToArray();

    public static long[] Longs(ByteString raw) => MemoryMarshal.Cast<byte, long>(raw.Span).ToArray();

    private static ModelInferRequest.Types.InferInputTensor Typed(string name, string datatype, long[] shape, Action<InferTensorContents> fill)
    {
        var tensor = Tensor(name, datatype, shape);
        tensor.Contents = new InferTensorContents();
        fill(tensor.Contents);
        return tensor;
    }
}
