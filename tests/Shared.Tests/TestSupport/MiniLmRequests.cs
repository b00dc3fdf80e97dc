using EdgeCloud.Protocol;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>Requests for minilm: input_ids, attention_mask, token_type_ids, all INT64[batch, sequence].</summary>
internal static class MiniLmRequests
{
    public const int Hidden = 384;

    // "[CLS] hello world [SEP]" and "[CLS] the edge runs it [SEP]" in the BERT uncased vocabulary, padded with 0.
    public static readonly long[][] Sentences =
    [
        [101, 7592, 2088, 102, 0, 0, 0],
        [101, 1996, 3341, 3216, 2009, 102, 0],
    ];

    public static ModelInferRequest Raw(int batch = 1, int? maskLength = null)
    {
        var (ids, mask, types, sequence) = Tensors(batch);
        var request = new ModelInferRequest { ModelName = TestModels.MiniLm, Id = "minilm-raw" };
        request.Inputs.Add(SileroRequests.Input("input_ids", "INT64", batch, sequence));
        request.Inputs.Add(SileroRequests.Input("attention_mask", "INT64", batch, maskLength ?? sequence));
        request.Inputs.Add(SileroRequests.Input("token_type_ids", "INT64", batch, sequence));
        request.RawInputContents.Add(RawBytes.Of(ids));
        request.RawInputContents.Add(RawBytes.Of(maskLength is { } m ? [.. mask.Take(batch * m)] : mask));
        request.RawInputContents.Add(RawBytes.Of(types));
        return request;
    }

    public static ModelInferRequest Typed(int batch = 1)
    {
        var (ids, mask, types, sequence) = Tensors(batch);
        var request = new ModelInferRequest { ModelName = TestModels.MiniLm, Id = "minilm-typed" };
        foreach (var (name, values) in new[] { ("input_ids", ids), ("attention_mask", mask), ("token_type_ids", types) })
        {
            var input = SileroRequests.Input(name, "INT64", batch, sequence);
            input.Contents = new InferTensorContents();
            input.Contents.Int64Contents.AddRange(values);
            request.Inputs.Add(input);
        }

        return request;
    }

    private static (long[] Ids, long[] Mask, long[] Types, int Sequence) Tensors(int batch)
    {
        var sequence = Sentences[0].Length;
        var ids = Enumerable.Range(0, batch).SelectMany(b => Sentences[b % Sentences.Length]).ToArray();
        var mask = ids.Select(id => id == 0 ? 0L : 1L).ToArray();
        var types = new long[ids.Length];
        return (ids, mask, types, sequence);
    }
}
