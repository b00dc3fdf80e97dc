using EdgeCloud.CloudHub.Batching;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class BatchSplitterTests
{
    private static readonly ModelSessionInfo Strings = new(
        "s", "1", "fp32", "cpu",
        [new TensorSpec("text", DataType.Bytes, [-1]) { DimensionNames = ["batch"] }],
        [new TensorSpec("upper", DataType.Bytes, [-1]) { DimensionNames = ["batch"] }]);

    [Fact]
    public void Assemble_BytesInputs_JoinsTheirElementsInRequestOrder()
    {
        var items = new[] { Admit(raw: true, "a", "bb"), Admit(raw: false, "ccc") };

        var combined = BatchAssembler.Assemble(items);

        Assert.Equal([3L], combined.Inputs[0].Shape);
        var elements = BytesElements.Split("text", combined.RawInputContents[0].Memory, 3);
        Assert.Equal(["a", "bb", "ccc"], elements.Select(e => System.Text.Encoding.UTF8.GetString(e.Span)));
        Release(items);
    }

    [Fact]
    public void Split_BytesOutput_GivesRawAndTypedRequestsTheirOwnElements()
    {
        var items = new[] { Admit(raw: true, "a", "bb"), Admit(raw: false, "ccc") };
        var combined = new ModelInferResponse { ModelName = "s", ModelVersion = "1" };
        var output = new ModelInferResponse.Types.InferOutputTensor { Name = "upper", Datatype = "BYTES" };
        output.Shape.Add(3);
        combined.Outputs.Add(output);
        combined.RawOutputContents.Add(ByteString.CopyFrom(BytesElements.Join([Utf8("A"), Utf8("BB"), Utf8("CCC")])));

        var responses = BatchSplitter.Split(combined, items);

        var first = BytesElements.Split("upper", responses[0].RawOutputContents[0].Memory, 2);
        Assert.Equal(["A", "BB"], first.Select(e => System.Text.Encoding.UTF8.GetString(e.Span)));
        Assert.Equal([2L], responses[0].Outputs[0].Shape);
        Assert.Equal("CCC", Assert.Single(responses[1].Outputs[0].Contents.BytesContents).ToStringUtf8());
        Release(items);
    }

    [Fact]
    public void Split_OutputWithTheWrongRowCount_ThrowsInternal()
    {
        var items = new[] { Admit(raw: true, "a"), Admit(raw: true, "b") };
        var combined = new ModelInferResponse { ModelName = "s" };
        var output = new ModelInferResponse.Types.InferOutputTensor { Name = "upper", Datatype = "BYTES" };
        output.Shape.Add(1);
        combined.Outputs.Add(output);
        combined.RawOutputContents.Add(ByteString.CopyFrom(BytesElements.Join([Utf8("A")])));

        var ex = Assert.Throws<InferenceException>(() => BatchSplitter.Split(combined, items));

        Assert.Equal(InferenceErrorCode.Internal, ex.Code);
        Assert.Contains("expected 2 rows", ex.Message, StringComparison.Ordinal);
        Release(items);
    }

    private static PendingRequest Admit(bool raw, params string[] texts)
    {
        var request = new ModelInferRequest { ModelName = "s" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "text", Datatype = "BYTES" };
        input.Shape.Add(texts.Length);
        request.Inputs.Add(input);
        if (raw)
        {
            request.RawInputContents.Add(ByteString.CopyFrom(BytesElements.Join([.. texts.Select(Utf8)])));
        }
        else
        {
            input.Contents = new InferTensorContents();
            input.Contents.BytesContents.AddRange(texts.Select(ByteString.CopyFromUtf8));
        }

        return BatchAdmission.Admit(request, Strings, maxBatchSize: 8, maxElements: 1024);
    }

    private static ReadOnlyMemory<byte> Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static void Release(IEnumerable<PendingRequest> items)
    {
        foreach (var item in items)
        {
            item.Release();
        }
    }
}
