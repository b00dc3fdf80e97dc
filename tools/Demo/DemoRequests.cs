using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using Google.Protobuf;
using Microsoft.ML.Tokenizers;

namespace EdgeCloud.Demo;

/// <summary>Real inputs for the demo's models: tokenized sentences, audio, images.</summary>
internal sealed class DemoRequests(string modelRepository)
{
    private readonly BertTokenizer _tokenizer = BertTokenizer.Create(Path.Combine(modelRepository, "minilm", "vocab.txt"));

    public ModelInferRequest Sentence(string text, string? route = null, bool cache = true)
    {
        var ids = _tokenizer.EncodeToIds(text);
        var length = ids.Count;
        var request = new ModelInferRequest { ModelName = "minilm" };
        AddInt64(request, "input_ids", [.. ids.Select(i => (long)i)], length);
        AddInt64(request, "attention_mask", [.. Enumerable.Repeat(1L, length)], length);
        AddInt64(request, "token_type_ids", new long[length], length);
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "last_hidden_state" });
        return Options(request, route, cache);
    }

    public static ModelInferRequest Speech(double frequency)
    {
        var samples = Enumerable.Range(0, 512).Select(i => (float)(0.4 * Math.Sin(2 * Math.PI * frequency * i / 16000))).ToArray();
        var request = new ModelInferRequest { ModelName = "silero-vad" };
        Add(request, "input", "FP32", [1, 512], MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
        Add(request, "state", "FP32", [2, 1, 128], new byte[2 * 128 * 4]);
        Add(request, "sr", "INT64", [], BitConverter.GetBytes(16000L));
        return request;
    }

    public static ModelInferRequest Image(int seed, bool cache = true)
    {
        var random = new Random(seed);
        var pixels = Enumerable.Range(0, 3 * 224 * 224).Select(_ => (float)random.NextDouble()).ToArray();
        var request = new ModelInferRequest { ModelName = "resnet18" };
        Add(request, "Input247", "FP32", [1, 3, 224, 224], MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
        return Options(request, null, cache);
    }

    /// <summary>Mean-pooled, L2-normalised sentence embedding from MiniLM's last_hidden_state.</summary>
    public static float[] Embedding(ModelInferResponse response)
    {
        var hidden = MemoryMarshal.Cast<byte, float>(response.RawOutputContents[0].Span);
        var tokens = (int)response.Outputs[0].Shape[1];
        var sum = new float[384];
        for (var t = 0; t < tokens; t++)
        {
            for (var h = 0; h < 384; h++)
            {
                sum[h] += hidden[(t * 384) + h];
            }
        }

        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        return [.. sum.Select(v => v / norm)];
    }

    public static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static ModelInferRequest Options(ModelInferRequest request, string? route, bool cache)
    {
        if (route is not null)
        {
            request.Parameters[EdgeCloudParameters.Route] = new InferParameter { StringParam = route };
        }

        if (!cache)
        {
            request.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
        }

        return request;
    }

    private static void AddInt64(ModelInferRequest request, string name, long[] values, int length) =>
        Add(request, name, "INT64", [1, length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static void Add(ModelInferRequest request, string name, string datatype, long[] shape, byte[] bytes)
    {
        var tensor = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype };
        tensor.Shape.AddRange(shape);
        request.Inputs.Add(tensor);
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(bytes));
    }
}
