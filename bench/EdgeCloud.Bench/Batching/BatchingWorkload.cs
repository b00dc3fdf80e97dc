using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;
using Google.Protobuf;

namespace EdgeCloud.Bench.Batching;

/// <summary>The requests the load generator cycles through: 32 different ones, raw contents, one item each.</summary>
internal static class BatchingWorkload
{
    private static readonly string[] Sentences =
    [
        "A man is eating food.", "A man is eating a piece of bread.", "The stock market crashed today.", "A woman is playing the violin.",
        "Two dogs run across a snowy field.", "The new phone has a better camera.", "It will rain in Paris tomorrow.",
        "She reads a book about ancient Rome.", "The server answered in twelve milliseconds.", "Children are building a sandcastle.",
        "A cat sleeps on the warm windowsill.", "The train to Berlin is late again.", "He fixed the bicycle with a spanner.",
        "Fresh bread smells wonderful.", "The committee approved the budget.", "Stars are visible far from the city.",
    ];

    public static string Describe(string model) => model == "minilm"
        ? "minilm, one sentence per request padded to 1×128 tokens (input_ids, attention_mask, token_type_ids INT64), output last_hidden_state [1,128,384]"
        : "ocr-rec, one text line per request x FP32[1,3,48,320] (random pixels), output [1,40,6625]";

    public static ModelInferRequest[] Create(string model) =>
        [.. Enumerable.Range(0, 32).Select(i => model == "minilm" ? MiniLm(i) : OcrRec(i))];

    private static ModelInferRequest MiniLm(int i)
    {
        var request = MiniLmText.Request($"{Sentences[i % Sentences.Length]} ({i})", length: 128);
        request.Outputs.Clear();
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "last_hidden_state" });
        return request;
    }

    private static ModelInferRequest OcrRec(int i)
    {
        var random = new Random(i);
        var pixels = new float[3 * 48 * 320];
        for (var p = 0; p < pixels.Length; p++)
        {
            pixels[p] = (float)random.NextDouble();
        }

        var request = new ModelInferRequest { ModelName = "ocr-rec" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = "FP32" };
        input.Shape.Add([1, 3, 48, 320]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())));
        return request;
    }
}
