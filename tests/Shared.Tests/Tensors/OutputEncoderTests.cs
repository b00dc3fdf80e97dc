using System.Text;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class OutputEncoderTests
{
    [Fact]
    public void Append_RawFp32_AddsOutputAndLittleEndianBytes()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { 1f, -2f, 0.5f, 4f }, [2, 2]);

        OutputEncoder.Append(response, "out", value, raw: true);

        var output = Assert.Single(response.Outputs);
        Assert.Equal("out", output.Name);
        Assert.Equal("FP32", output.Datatype);
        Assert.Equal([2L, 2L], output.Shape);
        Assert.Null(output.Contents);
        Assert.Equal(
            Convert.FromHexString("0000803F" + "000000C0" + "0000003F" + "00008040"),
            Assert.Single(response.RawOutputContents).ToByteArray());
    }

    [Fact]
    public void Append_RawInt64_WritesEightBytesPerElement()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { -1L, 16000L }, [2]);

        OutputEncoder.Append(response, "ids", value, raw: true);

        Assert.Equal("INT64", response.Outputs[0].Datatype);
        Assert.Equal(Convert.FromHexString("FFFFFFFFFFFFFFFF" + "803E000000000000"), response.RawOutputContents[0].ToByteArray());
    }

    [Fact]
    public void Append_RawFp16_KeepsTheHalfBits()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { new Float16(0x3C00), new Float16(0xC000) }, [2]);

        OutputEncoder.Append(response, "h", value, raw: true);

        Assert.Equal("FP16", response.Outputs[0].Datatype);
        Assert.Equal(Convert.FromHexString("003C00C0"), response.RawOutputContents[0].ToByteArray());
    }

    [Fact]
    public void Append_RawBf16_KeepsTheBFloat16Bits()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { new BFloat16(0x3F80) }, [1]);

        OutputEncoder.Append(response, "b", value, raw: true);

        Assert.Equal("BF16", response.Outputs[0].Datatype);
        Assert.Equal(Convert.FromHexString("803F"), response.RawOutputContents[0].ToByteArray());
    }

    [Fact]
    public void Append_RawStrings_JoinsLengthPrefixedElements()
    {
        var response = new ModelInferResponse();
        using var value = StringTensors.Create([2], [Encoding.UTF8.GetBytes("hi"), ReadOnlyMemory<byte>.Empty]);

        OutputEncoder.Append(response, "text", value, raw: true);

        Assert.Equal("BYTES", response.Outputs[0].Datatype);
        Assert.Equal(Convert.FromHexString("02000000" + "6869" + "00000000"), response.RawOutputContents[0].ToByteArray());
    }

    [Fact]
    public void Append_TypedFp32_FillsFp32Contents()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { 1f, float.NaN }, [1, 2]);

        OutputEncoder.Append(response, "out", value, raw: false);

        Assert.Empty(response.RawOutputContents);
        Assert.Equal([1f, float.NaN], response.Outputs[0].Contents.Fp32Contents);
        Assert.Equal([1L, 2L], response.Outputs[0].Shape);
    }

    [Fact]
    public void Append_TypedEachType_UsesTheV2FieldForIt()
    {
        var response = new ModelInferResponse();
        using var b = OrtValue.CreateTensorValueFromMemory(new[] { true, false }, [2]);
        using var i8 = OrtValue.CreateTensorValueFromMemory(new sbyte[] { -128, 127 }, [2]);
        using var i16 = OrtValue.CreateTensorValueFromMemory(new short[] { -300 }, [1]);
        using var i32 = OrtValue.CreateTensorValueFromMemory(new[] { int.MinValue }, [1]);
        using var i64 = OrtValue.CreateTensorValueFromMemory(new[] { long.MaxValue }, [1]);
        using var u8 = OrtValue.CreateTensorValueFromMemory(new byte[] { 255 }, [1]);
        using var u16 = OrtValue.CreateTensorValueFromMemory(new ushort[] { 65535 }, [1]);
        using var u32 = OrtValue.CreateTensorValueFromMemory(new[] { uint.MaxValue }, [1]);
        using var u64 = OrtValue.CreateTensorValueFromMemory(new[] { ulong.MaxValue }, [1]);
        using var f64 = OrtValue.CreateTensorValueFromMemory(new[] { Math.E }, [1]);
        using var s = StringTensors.Create([1], [Encoding.UTF8.GetBytes("ok")]);

        foreach (var (name, value) in new[] { ("b", b), ("i8", i8), ("i16", i16), ("i32", i32), ("i64", i64), ("u8", u8), ("u16", u16), ("u32", u32), ("u64", u64), ("f64", f64), ("s", s) })
        {
            OutputEncoder.Append(response, name, value, raw: false);
        }

        var o = response.Outputs;
        Assert.Equal(["BOOL", "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64", "FP64", "BYTES"], o.Select(x => x.Datatype));
        Assert.Equal([true, false], o[0].Contents.BoolContents);
        Assert.Equal([-128, 127], o[1].Contents.IntContents);
        Assert.Equal([-300], o[2].Contents.IntContents);
        Assert.Equal([int.MinValue], o[3].Contents.IntContents);
        Assert.Equal([long.MaxValue], o[4].Contents.Int64Contents);
        Assert.Equal([255u], o[5].Contents.UintContents);
        Assert.Equal([65535u], o[6].Contents.UintContents);
        Assert.Equal([uint.MaxValue], o[7].Contents.UintContents);
        Assert.Equal([ulong.MaxValue], o[8].Contents.Uint64Contents);
        Assert.Equal([Math.E], o[9].Contents.Fp64Contents);
        Assert.Equal("ok", o[10].Contents.BytesContents.Single().ToStringUtf8());
        Assert.Empty(response.RawOutputContents);
    }

    [Fact]
    public void Append_TypedFp16_ThrowsBecauseItTravelsOnlyRaw()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { new Float16(0x3C00) }, [1]);

        var ex = Assert.Throws<InvalidOperationException>(() => OutputEncoder.Append(response, "h", value, raw: false));

        Assert.Contains("FP16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_RawThenDecodeAsInput_RoundTripsTheBytes()
    {
        var response = new ModelInferResponse();
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { 3.25, -1e300 }, [2]);

        OutputEncoder.Append(response, "x", value, raw: true);

        var request = new ModelInferRequest();
        request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = response.Outputs[0].Datatype, Shape = { response.Outputs[0].Shape } });
        request.RawInputContents.Add(ByteString.CopyFrom(response.RawOutputContents[0].Span));
        using var decoded = InputDecoder.Decode(request, [new TensorSpec("x", DataType.Fp64, [-1])], 16);
        Assert.Equal([3.25, -1e300], decoded.Values[0].GetTensorDataAsSpan<double>().ToArray());
    }
}
