using System.Text;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Shared.Tests.Tensors;

/// <summary>
/// <see cref="InputDecoder.Decode"/> against hand-made specs, for the datatypes no fetched model takes
/// (the real models are covered in ModelSessionTests).
/// </summary>
public sealed partial class InputDecoderTests
{
    private const long Limit = 1024 * 1024;

    public static TheoryData<DataType, string> FixedSizeRaw() => new()
    {
        { DataType.Bool, "010001" },
        { DataType.Uint8, "00FF7F" },
        { DataType.Int8, "80FF7F" },
        { DataType.Uint16, "0100FFFF3412" },
        { DataType.Int16, "0080FFFF3412" },
        { DataType.Fp16, "003C00C0007C" },
        { DataType.Bf16, "803F00C0807F" },
        { DataType.Uint32, "01000000FFFFFFFF78563412" },
        { DataType.Int32, "00000080FFFFFFFF78563412" },
        { DataType.Fp32, "0000803F000000C00000C07F" },
        { DataType.Uint64, "0100000000000000FFFFFFFFFFFFFFFF0807060504030201" },
        { DataType.Int64, "0000000000000080FFFFFFFFFFFFFFFF0807060504030201" },
        { DataType.Fp64, "000000000000F03F00000000000000C0000000000000F87F" },
    };

    [Theory]
    [MemberData(nameof(FixedSizeRaw))]
    public void Decode_RawFixedSizeType_ReturnsTensorOfThatTypeWithTheSameBytes(DataType type, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var request = Request(("x", type.ToV2Name(), [3]));
        request.RawInputContents.Add(ByteString.CopyFrom(bytes));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", type, [-1])], Limit);

        var info = decoded.Values[0].GetTensorTypeAndShape();
        Assert.Equal(["x"], decoded.Names);
        Assert.Equal(type.ToOrt(), info.ElementDataType);
        Assert.Equal([3L], info.Shape);
        Assert.Equal(bytes, decoded.Values[0].GetTensorMutableRawData().ToArray());
    }

    [Fact]
    public void Decode_RawInput_HandsTheRequestBufferToOnnxRuntimeWithoutCopying()
    {
        var buffer = new byte[8];
        var request = Request(("x", "FP32", [2]));
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(buffer));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [2])], Limit);
        BitConverter.TryWriteBytes(buffer.AsSpan(4), 2.5f);

        Assert.Equal([0f, 2.5f], decoded.Values[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Decode_RawInputsInAnyOrder_AreMatchedToSpecsByName()
    {
        var request = Request(("b", "INT32", [1]), ("a", "FP64", [1]));
        request.RawInputContents.Add(RawBytes.Of(7));
        request.RawInputContents.Add(RawBytes.Of(0.25));

        using var decoded = InputDecoder.Decode(
            request, [new TensorSpec("a", DataType.Fp64, [1]), new TensorSpec("b", DataType.Int32, [1])], Limit);

        Assert.Equal(["b", "a"], decoded.Names);
        Assert.Equal(7, decoded.Values[0].GetTensorDataAsSpan<int>()[0]);
        Assert.Equal(0.25, decoded.Values[1].GetTensorDataAsSpan<double>()[0]);
    }

    [Fact]
    public void Decode_RawBytes_ReturnsStringTensorWithEveryElement()
    {
        string[] texts = ["hello", "", "wörld ✓"];
        var request = Request(("text", "BYTES", [1, 3]));
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(
            BytesElements.Join([.. texts.Select(t => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(t)))])));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("text", DataType.Bytes, [-1, -1])], Limit);

        var value = decoded.Values[0];
        Assert.Equal(TensorElementType.String, value.GetTensorTypeAndShape().ElementDataType);
        Assert.Equal([1L, 3L], value.GetTensorTypeAndShape().Shape);
        Assert.Equal(texts, value.GetStringTensorAsArray());
    }

    [Fact]
    public void Decode_RawBytesMalformed_ThrowsInvalidNamingTheInput()
    {
        var request = Request(("text", "BYTES", [2]));
        request.RawInputContents.Add(ByteString.CopyFrom(Convert.FromHexString("0100000041")));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("text", DataType.Bytes, [-1])], Limit),
            "input 'text'",
            "after 1 of 2 elements");
    }

    [Theory]
    [InlineData(DataType.Bool, 2, 3)]
    [InlineData(DataType.Int8, 2, 1)]
    [InlineData(DataType.Uint16, 2, 5)]
    [InlineData(DataType.Fp16, 3, 4)]
    [InlineData(DataType.Bf16, 3, 8)]
    [InlineData(DataType.Int32, 2, 9)]
    [InlineData(DataType.Fp32, 2, 7)]
    [InlineData(DataType.Int64, 2, 15)]
    [InlineData(DataType.Fp64, 1, 0)]
    public void Decode_RawWrongByteLength_ThrowsInvalidWithExpectedAndGot(DataType type, int elements, int bytes)
    {
        var request = Request(("x", type.ToV2Name(), [elements]));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[bytes]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", type, [-1])], Limit),
            "input 'x'",
            $"expected {elements * type.ElementSize()} bytes for {type.ToV2Name()}[{elements}], got {bytes}");
    }

    [Theory]
    [InlineData(DataType.Fp32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.Uint8)]
    public void Decode_RawZeroElementTensor_ReturnsEmptyTensorOfThatShape(DataType type)
    {
        var request = Request(("x", type.ToV2Name(), [0, 4]));
        request.RawInputContents.Add(ByteString.Empty);

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", type, [-1, 4])], Limit);

        var info = decoded.Values[0].GetTensorTypeAndShape();
        Assert.Equal([0L, 4L], info.Shape);
        Assert.Equal(0, info.ElementCount);
    }

    [Fact]
    public void Decode_UnknownDatatypeName_ThrowsInvalidListingKnownNames()
    {
        var request = Request(("x", "FLOAT32", [1]));
        request.RawInputContents.Add(RawBytes.Of(1f));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [1])], Limit),
            "input 'x'",
            "unknown datatype 'FLOAT32'",
            DataTypes.KnownNames);
    }

    [Fact]
    public void Decode_WrongDatatype_ThrowsInvalidWithExpectedAndGot()
    {
        var request = Request(("x", "INT8", [4]));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[4]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint8, [4])], Limit),
            "input 'x'",
            "expected datatype UINT8, got INT8");
    }

    [Fact]
    public void Decode_OverElementLimit_ThrowsResourceExhausted()
    {
        var request = Request(("x", "UINT8", [Limit + 1]));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[Limit + 1]));

        InferenceAssert.Throws(
            InferenceErrorCode.ResourceExhausted,
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint8, [-1])], Limit),
            "input 'x'");
    }

    [Fact]
    public void Decode_RawEntriesButNoInputs_ThrowsInvalid()
    {
        var request = new ModelInferRequest { ModelName = "m" };
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[4]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [1])], Limit),
            "raw_input_contents has 1 entries but the request has 0 inputs");
    }

    [Fact]
    public void Decode_SecondInputInvalid_ThrowsAfterDecodingTheFirst()
    {
        // The first input decodes into a native value; the failure on the second must still surface cleanly.
        var request = Request(("a", "FP32", [1]), ("b", "FP32", [1]));
        request.RawInputContents.Add(RawBytes.Of(1f));
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[3]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("a", DataType.Fp32, [1]), new TensorSpec("b", DataType.Fp32, [1])], Limit),
            "input 'b'",
            "expected 4 bytes for FP32[1], got 3");
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var request = Request(("x", "FP32", [1]));
        request.RawInputContents.Add(RawBytes.Of(1f));
        var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [1])], Limit);

        decoded.Dispose();
        decoded.Dispose();
    }

    private static ModelInferRequest Request(params (string Name, string Datatype, long[] Shape)[] inputs)
    {
        var request = new ModelInferRequest { ModelName = "hand-made" };
        foreach (var (name, datatype, shape) in inputs)
        {
            request.Inputs.Add(SileroRequests.Input(name, datatype, shape));
        }

        return request;
    }

    private static ModelInferRequest Typed(string name, string datatype, long[] shape, Action<InferTensorContents> fill)
    {
        var request = Request((name, datatype, shape));
        request.Inputs[0].Contents = new InferTensorContents();
        fill(request.Inputs[0].Contents);
        return request;
    }
}
