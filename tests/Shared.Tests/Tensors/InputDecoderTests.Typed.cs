using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;
using Google.Protobuf;

namespace EdgeCloud.Shared.Tests.Tensors;

/// <summary>Typed contents: each datatype read from its own v2 field, range-checked where the field is wider.</summary>
public sealed partial class InputDecoderTests
{
    [Fact]
    public void Decode_TypedZeroElementTensor_ReturnsEmptyTensorOfThatShape()
    {
        var request = Request(("x", "FP32", [0, 4]));
        request.Inputs[0].Contents = new InferTensorContents();

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [-1, 4])], Limit);

        Assert.Equal([0L, 4L], decoded.Values[0].GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void Decode_TypedBool_ReadsBoolContents()
    {
        var request = Typed("x", "BOOL", [3], c => c.BoolContents.AddRange([true, false, true]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Bool, [3])], Limit);

        Assert.Equal([true, false, true], decoded.Values[0].GetTensorDataAsSpan<bool>().ToArray());
    }

    [Fact]
    public void Decode_TypedInt8_ReadsIntContentsIncludingBounds()
    {
        var request = Typed("x", "INT8", [3], c => c.IntContents.AddRange([-128, 0, 127]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Int8, [3])], Limit);

        Assert.Equal([(sbyte)-128, (sbyte)0, (sbyte)127], decoded.Values[0].GetTensorDataAsSpan<sbyte>().ToArray());
    }

    [Fact]
    public void Decode_TypedInt16_ReadsIntContentsIncludingBounds()
    {
        var request = Typed("x", "INT16", [2], c => c.IntContents.AddRange([short.MinValue, short.MaxValue]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Int16, [2])], Limit);

        Assert.Equal([short.MinValue, short.MaxValue], decoded.Values[0].GetTensorDataAsSpan<short>().ToArray());
    }

    [Fact]
    public void Decode_TypedInt32_ReadsIntContents()
    {
        var request = Typed("x", "INT32", [2], c => c.IntContents.AddRange([int.MinValue, int.MaxValue]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Int32, [2])], Limit);

        Assert.Equal([int.MinValue, int.MaxValue], decoded.Values[0].GetTensorDataAsSpan<int>().ToArray());
    }

    [Fact]
    public void Decode_TypedInt64_ReadsInt64Contents()
    {
        var request = Typed("x", "INT64", [2], c => c.Int64Contents.AddRange([long.MinValue, long.MaxValue]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Int64, [2])], Limit);

        Assert.Equal([long.MinValue, long.MaxValue], decoded.Values[0].GetTensorDataAsSpan<long>().ToArray());
    }

    [Fact]
    public void Decode_TypedUint8_ReadsUintContentsIncludingBounds()
    {
        var request = Typed("x", "UINT8", [2], c => c.UintContents.AddRange([0u, 255u]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint8, [2])], Limit);

        Assert.Equal([(byte)0, (byte)255], decoded.Values[0].GetTensorDataAsSpan<byte>().ToArray());
    }

    [Fact]
    public void Decode_TypedUint16_ReadsUintContents()
    {
        var request = Typed("x", "UINT16", [2], c => c.UintContents.AddRange([0u, 65535u]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint16, [2])], Limit);

        Assert.Equal([(ushort)0, ushort.MaxValue], decoded.Values[0].GetTensorDataAsSpan<ushort>().ToArray());
    }

    [Fact]
    public void Decode_TypedUint32_ReadsUintContents()
    {
        var request = Typed("x", "UINT32", [1], c => c.UintContents.Add(uint.MaxValue));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint32, [1])], Limit);

        Assert.Equal(uint.MaxValue, decoded.Values[0].GetTensorDataAsSpan<uint>()[0]);
    }

    [Fact]
    public void Decode_TypedUint64_ReadsUint64Contents()
    {
        var request = Typed("x", "UINT64", [1], c => c.Uint64Contents.Add(ulong.MaxValue));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Uint64, [1])], Limit);

        Assert.Equal(ulong.MaxValue, decoded.Values[0].GetTensorDataAsSpan<ulong>()[0]);
    }

    [Fact]
    public void Decode_TypedFp32_ReadsFp32ContentsIncludingNonFinite()
    {
        var request = Typed("x", "FP32", [2, 2], c => c.Fp32Contents.AddRange([1.5f, float.NaN, float.PositiveInfinity, -0f]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [-1, 2])], Limit);

        Assert.Equal([2L, 2L], decoded.Values[0].GetTensorTypeAndShape().Shape);
        Assert.Equal([1.5f, float.NaN, float.PositiveInfinity, -0f], decoded.Values[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Decode_TypedFp64_ReadsFp64Contents()
    {
        var request = Typed("x", "FP64", [2], c => c.Fp64Contents.AddRange([Math.PI, double.NegativeInfinity]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp64, [2])], Limit);

        Assert.Equal([Math.PI, double.NegativeInfinity], decoded.Values[0].GetTensorDataAsSpan<double>().ToArray());
    }

    [Fact]
    public void Decode_TypedBytes_ReadsBytesContents()
    {
        var request = Typed("text", "BYTES", [3], c => c.BytesContents.AddRange(
            [ByteString.CopyFromUtf8("a"), ByteString.Empty, ByteString.CopyFromUtf8("日本")]));

        using var decoded = InputDecoder.Decode(request, [new TensorSpec("text", DataType.Bytes, [-1])], Limit);

        Assert.Equal(["a", "", "日本"], decoded.Values[0].GetStringTensorAsArray());
    }

    [Theory]
    [InlineData("INT8", DataType.Int8, 128, "[-128, 127]")]
    [InlineData("INT8", DataType.Int8, -129, "[-128, 127]")]
    [InlineData("INT16", DataType.Int16, 32768, "[-32768, 32767]")]
    [InlineData("INT16", DataType.Int16, -32769, "[-32768, 32767]")]
    public void Decode_TypedSignedValueOutOfRange_ThrowsInvalidNamingValueAndRange(string name, DataType type, int value, string range)
    {
        var request = Typed("x", name, [2], c => c.IntContents.AddRange([0, value]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", type, [2])], Limit),
            "input 'x'",
            $"value {value} is outside the datatype's range {range}");
    }

    [Theory]
    [InlineData("UINT8", DataType.Uint8, 256u, "[0, 255]")]
    [InlineData("UINT8", DataType.Uint8, uint.MaxValue, "[0, 255]")]
    [InlineData("UINT16", DataType.Uint16, 65536u, "[0, 65535]")]
    public void Decode_TypedUnsignedValueOutOfRange_ThrowsInvalidNamingValueAndRange(string name, DataType type, uint value, string range)
    {
        var request = Typed("x", name, [1], c => c.UintContents.Add(value));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", type, [1])], Limit),
            "input 'x'",
            $"value {value} is outside the datatype's range {range}");
    }

    [Theory]
    [InlineData(DataType.Fp16)]
    [InlineData(DataType.Bf16)]
    public void Decode_TypedHalfPrecision_ThrowsInvalidSayingToUseRaw(DataType type)
    {
        var request = Typed("x", type.ToV2Name(), [1], c => c.Fp32Contents.Add(1f));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", type, [1])], Limit),
            "input 'x'",
            $"{type.ToV2Name()} has no typed contents field",
            "raw_input_contents");
    }

    [Fact]
    public void Decode_TypedValuesInTheWrongField_ThrowsInvalidNamingTheExpectedField()
    {
        var request = Typed("x", "FP32", [2], c => c.IntContents.AddRange([1, 2]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [2])], Limit),
            "input 'x'",
            "expected 2 values in fp32_contents for FP32[2], got 0");
    }

    [Fact]
    public void Decode_TypedWrongCount_ThrowsInvalidWithExpectedAndGot()
    {
        var request = Typed("x", "INT64", [2, 3], c => c.Int64Contents.AddRange([1, 2, 3, 4, 5]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Int64, [-1, 3])], Limit),
            "input 'x'",
            "expected 6 values in int64_contents for INT64[2,3], got 5");
    }

    [Fact]
    public void Decode_TypedBytesWrongCount_ThrowsInvalid()
    {
        var request = Typed("text", "BYTES", [2], c => c.BytesContents.Add(ByteString.CopyFromUtf8("a")));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("text", DataType.Bytes, [-1])], Limit),
            "input 'text'",
            "expected 2 values in bytes_contents for BYTES[2], got 1");
    }

    [Fact]
    public void Decode_NoContentsAtAll_ThrowsInvalidCountingZero()
    {
        var request = Request(("x", "FP32", [2]));

        InferenceAssert.Invalid(
            () => InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp32, [2])], Limit),
            "expected 2 values in fp32_contents for FP32[2], got 0");
    }
}
