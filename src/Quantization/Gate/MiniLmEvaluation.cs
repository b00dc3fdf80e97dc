using EdgeCloud.Quantization.Runtime;
using Microsoft.ML.Tokenizers;

namespace EdgeCloud.Quantization.Gate;

/// <summary>
/// MiniLM-style sentence-embedding inputs (BERT WordPiece ids, attention mask, token types) for the
/// evaluation sentences, padded to a fixed length; the gate mean-pools <c>last_hidden_state</c> under the mask.
/// </summary>
public static class MiniLmEvaluation
{
    public const string MaskInput = "attention_mask";

    public static IReadOnlyList<Dictionary<string, SampleTensor>> Samples(string vocabPath, IEnumerable<string>? sentences = null, int length = 128)
    {
        if (!File.Exists(vocabPath))
        {
            throw new QuantizationException($"the MiniLM gate needs the tokenizer vocabulary; {vocabPath} does not exist");
        }

        var tokenizer = BertTokenizer.Create(vocabPath);
        return [.. (sentences ?? EvaluationSentences.All).Select(s => Encode(tokenizer, s, length))];
    }

    /// <summary>Mean of the token vectors under the attention mask, L2-normalised.</summary>
    public static float[] Embedding(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int width)
    {
        var sum = new double[width];
        var tokens = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            tokens++;
            for (var h = 0; h < width; h++)
            {
                sum[h] += hidden[(t * width) + h];
            }
        }

        var norm = Math.Sqrt(sum.Sum(v => v * v));
        return [.. sum.Select(v => (float)(norm > 0 ? v / norm : 0))];
    }

    private static Dictionary<string, SampleTensor> Encode(BertTokenizer tokenizer, string sentence, int length)
    {
        var ids = tokenizer.EncodeToIds(sentence);
        if (ids.Count > length)
        {
            throw new QuantizationException($"'{sentence}' has {ids.Count} tokens, more than {length}");
        }

        var inputIds = new long[length];
        var mask = new long[length];
        for (var i = 0; i < ids.Count; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        return new(StringComparer.Ordinal)
        {
            ["input_ids"] = SampleTensor.FromInt64(inputIds, 1, length),
            [MaskInput] = SampleTensor.FromInt64(mask, 1, length),
            ["token_type_ids"] = SampleTensor.FromInt64(new long[length], 1, length),
        };
    }
}
