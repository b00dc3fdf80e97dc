using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.Protocol;
using Google.Protobuf;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Cache;

public sealed class ResultCacheKeyTests
{
    private static ResultCacheKey Key(ModelInferRequest request, string version = "1", string variant = "fp32") =>
        ResultCacheKey.From(request, version, variant);

    [Fact]
    public void From_SameRequest_SameKeyWithHexDigest()
    {
        var key = Key(InferRequests.Typed());

        Assert.Equal(key, Key(InferRequests.Typed()));
        Assert.Equal("minilm", key.Model);
        Assert.Equal(64, key.InputDigest.Length);
        Assert.Matches("^[0-9a-f]{64}$", key.InputDigest);
    }

    [Fact]
    public void From_NewRequestIdAndEdgeCloudParameters_SameKey()
    {
        var repeated = InferRequests.Typed(id: "req-2");
        repeated.Parameters.Add("edgecloud.route", InferRequests.Param("cloud"));
        repeated.Parameters.Add("edgecloud.deadline_ms", InferRequests.Param(50L));
        repeated.Parameters.Add("edgecloud.cache", InferRequests.Param(true));
        repeated.Inputs[0].Parameters.Add("edgecloud.hint", InferRequests.Param("x"));

        Assert.Equal(Key(InferRequests.Typed()), Key(repeated));
    }

    [Fact]
    public void From_OtherParameter_ChangesKey()
    {
        var withClassification = InferRequests.Typed();
        withClassification.Outputs[0].Parameters.Add("classification", InferRequests.Param(3L));
        var withSequence = InferRequests.Typed();
        withSequence.Parameters.Add("sequence_id", InferRequests.Param(7L));

        Assert.NotEqual(Key(InferRequests.Typed()), Key(withClassification));
        Assert.NotEqual(Key(InferRequests.Typed()), Key(withSequence));
    }

    [Fact]
    public void From_ParameterInsertionOrder_DoesNotMatter()
    {
        var ab = InferRequests.Typed();
        ab.Parameters.Add("a", InferRequests.Param(1L));
        ab.Parameters.Add("b", InferRequests.Param("x"));
        var ba = InferRequests.Typed();
        ba.Parameters.Add("b", InferRequests.Param("x"));
        ba.Parameters.Add("a", InferRequests.Param(1L));

        Assert.Equal(Key(ab), Key(ba));
    }

    [Fact]
    public void From_DifferentInputData_ChangesKey()
    {
        Assert.NotEqual(Key(InferRequests.Typed(1f)), Key(InferRequests.Typed(2f)));
    }

    [Fact]
    public void From_DifferentShapeDatatypeNameOrOutputs_ChangesKey()
    {
        var baseline = Key(InferRequests.Typed());
        var shape = InferRequests.Typed();
        shape.Inputs[0].Shape[1] = 2;
        shape.Inputs[0].Shape.Add(2);
        var datatype = InferRequests.Typed();
        datatype.Inputs[0].Datatype = "FP64";
        var name = InferRequests.Typed();
        name.Inputs[0].Name = "other";
        var outputs = InferRequests.Typed();
        outputs.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "logits" });

        Assert.Equal(5, new[] { baseline, Key(shape), Key(datatype), Key(name), Key(outputs) }.Distinct().Count());
    }

    [Fact]
    public void From_VersionOrVariant_AreKeyParts()
    {
        var request = InferRequests.Typed();

        Assert.NotEqual(Key(request, version: "1"), Key(request, version: "2"));
        Assert.NotEqual(Key(request, variant: "fp32"), Key(request, variant: "int8"));
        Assert.Equal(Key(request, version: "1").InputDigest, Key(request, version: "2").InputDigest);
    }

    [Fact]
    public void From_RawInputsInAnotherOrder_SameKey()
    {
        Assert.Equal(Key(InferRequests.Raw(idsFirst: true)), Key(InferRequests.Raw(idsFirst: false)));
    }

    [Fact]
    public void From_DifferentRawBytes_ChangesKey()
    {
        var changed = InferRequests.Raw();
        changed.RawInputContents[0] = ByteString.CopyFrom(new byte[16]);

        Assert.NotEqual(Key(InferRequests.Raw()), Key(changed));
    }

    [Fact]
    public void From_LargeRawInput_HashesAllOfIt()
    {
        var big = new byte[1 << 20];
        var first = InferRequests.Raw();
        first.RawInputContents[0] = ByteString.CopyFrom(big);
        big[^1] = 1;
        var second = InferRequests.Raw();
        second.RawInputContents[0] = ByteString.CopyFrom(big);

        Assert.NotEqual(Key(first), Key(second));
    }

    [Fact]
    public void From_ModelVersionFieldOfTheRequest_IsIgnoredInFavourOfResolvedVersion()
    {
        var pinned = InferRequests.Typed();
        pinned.ModelVersion = "1";

        Assert.Equal(Key(InferRequests.Typed(), version: "1"), Key(pinned, version: "1"));
    }

    [Theory]
    [InlineData("", "1", "fp32", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("m", "", "fp32", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("m", "1", "", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("m", "1", "fp32", "abc")]
    [InlineData("m", "1", "fp32", "ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public void Constructor_InvalidParts_Throws(string model, string version, string variant, string digest)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ResultCacheKey(model, version, variant, digest));
    }
}
