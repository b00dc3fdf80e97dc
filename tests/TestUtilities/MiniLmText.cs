using EdgeCloud.Protocol;
using Google.Protobuf;
using Microsoft.ML.Tokenizers;

namespace EdgeCloud.TestUtilities;

/// <summary>Tokenizes sentences for MiniLM with its shipped vocab and mean-pools its output into unit embeddings.</summary>
public static class MiniLmText
{
    private static readonly Lazy<BertTokenizer> Tokenizer = new(() => BertTokenizer.Create(TestModels.MiniLmVocab));

    /// <summary>A raw-contents request for one sentence, padded to <paramref name="length"/> tokens.</summary>
    public static ModelInferRequest Request(string sentence, int length = 128)
    {
        var ids = Tokenizer.Value.EncodeToIds(sentence);
        if (ids.Count > length)
        {
            throw new ArgumentException($"'{sentence}' has {ids.Count} tokens, more than {length}");
        }

        var inputIds = new long[length];
        var mask = new long[length];
        for (var i = 0; i < ids.Count; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        var request = new ModelInferRequest { ModelName = "minilm" };
        AddInt64(request, "input_ids", inputIds, length);
        AddInt64(request, "attention_mask", mask, length);
        AddInt64(request, "token_type_ids", new long[length], length);
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "last_hidden_state" });
        return request;
    }

    /// <summary>Mean of the token vectors under the attention mask, L2-normalised.</summary>
    public static float[] Embedding(ReadOnlySpan<float> lastHiddenState, ReadOnlySpan<long> mask, int hidden = 384)
    {
        var sum = new float[hidden];
        var tokens = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            tokens++;
            for (var h = 0; h < hidden; h++)
            {
                sum[h] += lastHiddenState[(t * hidden) + h];
            }
        }

        var norm = 0.0;
        for (var h = 0; h < hidden; h++)
        {
            sum[h] /= tokens;
            norm += sum[h] * sum[h];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        return [.. sum.Select(v => v * scale)];
    }

    public static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static void AddInt64(ModelInferRequest request, string name, long[] values, int length)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = "INT64" };
        input.Shape.Add(1);
        input.Shape.Add(length);
        request.Inputs.Add(input);
        var bytes = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(bytes));
    }
}
