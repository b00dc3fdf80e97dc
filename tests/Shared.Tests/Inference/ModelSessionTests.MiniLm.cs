using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Inference;

/// <summary>minilm: three INT64[batch, sequence] inputs, hidden states out.</summary>
public sealed partial class ModelSessionTests
{
    [Fact]
    public void Run_MiniLmRawRequest_ReturnsHiddenStatesOfBatchBySequence()
    {
        var response = _minilm.Run(MiniLmRequests.Raw(), Token);

        Assert.Equal("last_hidden_state", response.Outputs[0].Name);
        Assert.Equal([1L, 7L, 384L], response.Outputs[0].Shape);
        Assert.Equal(7 * 384 * 4, response.RawOutputContents[0].Length);
        Assert.All(RawBytes.To<float>(response.RawOutputContents[0]), v => Assert.True(float.IsFinite(v)));
        Assert.Equal(response.Outputs.Count, response.RawOutputContents.Count);
    }

    [Fact]
    public void Run_MiniLmBatchOfTwo_ReturnsOneRowPerSentence()
    {
        var single = _minilm.Run(MiniLmRequests.Raw(batch: 1), Token);
        var batch = _minilm.Run(MiniLmRequests.Raw(batch: 2), Token);

        Assert.Equal([2L, 7L, 384L], batch.Outputs[0].Shape);
        var first = RawBytes.To<float>(single.RawOutputContents[0]);
        var batched = RawBytes.To<float>(batch.RawOutputContents[0]).Take(first.Length).ToArray();
        Assert.All(first.Zip(batched), p => Assert.Equal(p.First, p.Second, 1e-4f));
    }

    [Fact]
    public void Run_MiniLmTypedRequest_ReturnsTypedOutputsIdenticalToRaw()
    {
        var raw = _minilm.Run(MiniLmRequests.Raw(batch: 2), Token);
        var typed = _minilm.Run(MiniLmRequests.Typed(batch: 2), Token);

        Assert.Empty(typed.RawOutputContents);
        Assert.Equal(raw.Outputs.Select(o => o.Name), typed.Outputs.Select(o => o.Name));
        for (var i = 0; i < raw.Outputs.Count; i++)
        {
            Assert.Equal(raw.Outputs[i].Shape, typed.Outputs[i].Shape);
            Assert.Equal(BitsOf(RawBytes.To<float>(raw.RawOutputContents[i])), BitsOf([.. typed.Outputs[i].Contents.Fp32Contents]));
        }
    }

    [Fact]
    public void Run_MiniLmInputsDisagreeOnSequenceLength_ThrowsInvalidArgument()
    {
        // The model declares all three inputs as [batch, sequence]: a mask of another length is a wrong
        // shape from the caller (INVALID_ARGUMENT, HTTP 400), not a model failure (INTERNAL, 500).
        var request = MiniLmRequests.Raw(maskLength: 5);

        InferenceAssert.Invalid(() => _minilm.Run(request, Token), "attention_mask");
    }
}
