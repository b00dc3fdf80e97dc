using System.Buffers.Binary;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Inference;

public sealed class WarmUpRequestTests
{
    [Fact]
    public void For_NoOverrides_UsesZerosWithVariableDimensionsOfOne()
    {
        var info = Info(new TensorSpec("input", DataType.Fp32, [-1, -1]), new TensorSpec("state", DataType.Fp32, [2, -1, 128]), new TensorSpec("sr", DataType.Int64, []));

        var request = WarmUpRequest.For(info, []);

        Assert.Equal("warm-up", request.Id);
        Assert.Equal("m", request.ModelName);
        Assert.Equal(["input", "state", "sr"], request.Inputs.Select(i => i.Name));
        Assert.Equal(["FP32", "FP32", "INT64"], request.Inputs.Select(i => i.Datatype));
        Assert.Equal([1L, 1L], request.Inputs[0].Shape);
        Assert.Equal([2L, 1L, 128L], request.Inputs[1].Shape);
        Assert.Empty(request.Inputs[2].Shape);
        Assert.Equal([4, 2 * 128 * 4, 8], request.RawInputContents.Select(r => r.Length));
        Assert.All(request.RawInputContents, r => Assert.All(r.ToByteArray(), b => Assert.Equal(0, b)));
    }

    [Fact]
    public void For_SileroConfigOverrides_UsesTheirShapesAndFill()
    {
        var config = ModelConfigReader.Read(Path.Combine(TestModels.Folder(TestModels.SileroVad), "config.json"), TestModels.SileroVad);
        var info = Info(new TensorSpec("input", DataType.Fp32, [-1, -1]), new TensorSpec("state", DataType.Fp32, [2, -1, 128]), new TensorSpec("sr", DataType.Int64, []));

        var request = WarmUpRequest.For(info, config.Warmup);

        Assert.Equal([1L, 512L], request.Inputs[0].Shape);
        Assert.Equal([2L, 1L, 128L], request.Inputs[1].Shape);
        Assert.Empty(request.Inputs[2].Shape);
        Assert.Equal([16000L], RawBytes.To<long>(request.RawInputContents[2]));
    }

    [Fact]
    public void For_BytesInput_UsesEmptyStrings()
    {
        var request = WarmUpRequest.For(Info(new TensorSpec("text", DataType.Bytes, [-1, 2])), []);

        Assert.Equal([1L, 2L], request.Inputs[0].Shape);
        Assert.Equal(new byte[8], request.RawInputContents[0].ToByteArray());
    }

    [Theory]
    [InlineData(DataType.Bool, 1.0)]
    [InlineData(DataType.Uint8, 200.0)]
    [InlineData(DataType.Int8, 100.0)]
    [InlineData(DataType.Int8, -3.0)]
    [InlineData(DataType.Uint16, 16000.0)]
    [InlineData(DataType.Int16, 16000.0)]
    [InlineData(DataType.Int16, -2.0)]
    [InlineData(DataType.Uint32, 16000.0)]
    [InlineData(DataType.Int32, 16000.0)]
    [InlineData(DataType.Uint64, 16000.0)]
    [InlineData(DataType.Int64, 16000.0)]
    [InlineData(DataType.Fp16, 1.5)]
    [InlineData(DataType.Bf16, 1.5)]
    [InlineData(DataType.Fp32, 1.5)]
    [InlineData(DataType.Fp64, 1.5)]
    public void For_FillOverride_WritesTheFillValueInEachDatatype(DataType type, double fill)
    {
        var info = Info(new TensorSpec("x", type, [3]));

        var request = WarmUpRequest.For(info, [new WarmupInputConfig { Name = "x", Fill = fill }]);

        var raw = request.RawInputContents[0].Span;
        var size = type.ElementSize();
        Assert.Equal(3 * size, raw.Length);
        for (var offset = 0; offset < raw.Length; offset += size)
        {
            Assert.Equal(fill, Read(type, raw[offset..]));
        }
    }

    [Fact]
    public void For_RequestFitsTheModel_DecodesAgainstItsSpecs()
    {
        var info = Info(new TensorSpec("a", DataType.Fp32, [-1, 3]), new TensorSpec("b", DataType.Int64, [2]));

        using var decoded = InputDecoder.Decode(WarmUpRequest.For(info, []), info.Inputs, 1024);

        Assert.Equal(["a", "b"], decoded.Names);
    }

    private static double Read(DataType type, ReadOnlySpan<byte> s) => type switch
    {
        DataType.Bool => s[0],
        DataType.Uint8 => s[0],
        DataType.Int8 => (sbyte)s[0],
        DataType.Uint16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
        DataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(s),
        DataType.Uint32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
        DataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(s),
        DataType.Uint64 => BinaryPrimitives.ReadUInt64LittleEndian(s),
        DataType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(s),
        DataType.Fp16 => (double)BinaryPrimitives.ReadHalfLittleEndian(s),
        DataType.Bf16 => BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(s)),
        DataType.Fp32 => BinaryPrimitives.ReadSingleLittleEndian(s),
        DataType.Fp64 => BinaryPrimitives.ReadDoubleLittleEndian(s),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static ModelSessionInfo Info(params TensorSpec[] inputs) => new("m", "1", "fp32", "cpu", inputs, []);
}
