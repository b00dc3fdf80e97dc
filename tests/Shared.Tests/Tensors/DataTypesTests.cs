using EdgeCloud.Shared.Tensors;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class DataTypesTests
{
    public static TheoryData<DataType> AllTypes() => new(Enum.GetValues<DataType>());

    public static TheoryData<string, DataType> V2Names() => new()
    {
        { "BOOL", DataType.Bool },
        { "UINT8", DataType.Uint8 },
        { "UINT16", DataType.Uint16 },
        { "UINT32", DataType.Uint32 },
        { "UINT64", DataType.Uint64 },
        { "INT8", DataType.Int8 },
        { "INT16", DataType.Int16 },
        { "INT32", DataType.Int32 },
        { "INT64", DataType.Int64 },
        { "FP16", DataType.Fp16 },
        { "BF16", DataType.Bf16 },
        { "FP32", DataType.Fp32 },
        { "FP64", DataType.Fp64 },
        { "BYTES", DataType.Bytes },
    };

    [Theory]
    [MemberData(nameof(V2Names))]
    public void TryParse_V2Name_ReturnsItsType(string name, DataType expected)
    {
        Assert.True(DataTypes.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [MemberData(nameof(V2Names))]
    public void ToV2Name_EachType_ReturnsTheProtocolName(string expected, DataType type) =>
        Assert.Equal(expected, type.ToV2Name());

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void ToV2Name_ThenTryParse_RoundTrips(DataType type)
    {
        Assert.True(DataTypes.TryParse(type.ToV2Name(), out var parsed));
        Assert.Equal(type, parsed);
    }

    [Fact]
    public void V2Names_CoverEveryEnumValue() =>
        Assert.Equal(Enum.GetValues<DataType>().Length, V2Names().Count);

    [Theory]
    [InlineData("fp32")]
    [InlineData("Fp32")]
    [InlineData("FLOAT")]
    [InlineData("FLOAT32")]
    [InlineData("STRING")]
    [InlineData("INT128")]
    [InlineData(" FP32")]
    [InlineData("FP32 ")]
    [InlineData("")]
    [InlineData("TYPE_FP32")]
    public void TryParse_UnknownName_ReturnsFalse(string name) =>
        Assert.False(DataTypes.TryParse(name, out _));

    [Fact]
    public void KnownNames_ListsEveryV2NameInOrdinalOrder()
    {
        var names = DataTypes.KnownNames.Split(", ");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(Enum.GetValues<DataType>().Select(t => t.ToV2Name()).Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData(DataType.Bool, 1)]
    [InlineData(DataType.Uint8, 1)]
    [InlineData(DataType.Int8, 1)]
    [InlineData(DataType.Uint16, 2)]
    [InlineData(DataType.Int16, 2)]
    [InlineData(DataType.Fp16, 2)]
    [InlineData(DataType.Bf16, 2)]
    [InlineData(DataType.Uint32, 4)]
    [InlineData(DataType.Int32, 4)]
    [InlineData(DataType.Fp32, 4)]
    [InlineData(DataType.Uint64, 8)]
    [InlineData(DataType.Int64, 8)]
    [InlineData(DataType.Fp64, 8)]
    [InlineData(DataType.Bytes, 0)]
    public void ElementSize_EachType_ReturnsBytesPerRawElement(DataType type, int expected) =>
        Assert.Equal(expected, type.ElementSize());

    [Theory]
    [InlineData(DataType.Bool, TensorElementType.Bool)]
    [InlineData(DataType.Uint8, TensorElementType.UInt8)]
    [InlineData(DataType.Uint16, TensorElementType.UInt16)]
    [InlineData(DataType.Uint32, TensorElementType.UInt32)]
    [InlineData(DataType.Uint64, TensorElementType.UInt64)]
    [InlineData(DataType.Int8, TensorElementType.Int8)]
    [InlineData(DataType.Int16, TensorElementType.Int16)]
    [InlineData(DataType.Int32, TensorElementType.Int32)]
    [InlineData(DataType.Int64, TensorElementType.Int64)]
    [InlineData(DataType.Fp16, TensorElementType.Float16)]
    [InlineData(DataType.Bf16, TensorElementType.BFloat16)]
    [InlineData(DataType.Fp32, TensorElementType.Float)]
    [InlineData(DataType.Fp64, TensorElementType.Double)]
    [InlineData(DataType.Bytes, TensorElementType.String)]
    public void ToOrtAndFromOrt_EachType_MapBothWays(DataType type, TensorElementType ort)
    {
        Assert.Equal(ort, type.ToOrt());
        Assert.Equal(type, DataTypes.FromOrt(ort));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void FromOrt_OfToOrt_RoundTrips(DataType type) =>
        Assert.Equal(type, DataTypes.FromOrt(type.ToOrt()));

    [Theory]
    [InlineData(TensorElementType.Complex64)]
    [InlineData(TensorElementType.Complex128)]
    [InlineData(TensorElementType.DataTypeMax)]
    public void FromOrt_TypeV2CannotCarry_ReturnsNull(TensorElementType ort) =>
        Assert.Null(DataTypes.FromOrt(ort));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void HasTypedContents_FalseOnlyForFp16AndBf16(DataType type) =>
        Assert.Equal(type is not (DataType.Fp16 or DataType.Bf16), type.HasTypedContents());

    [Fact]
    public void Conversions_UndefinedEnumValue_Throw()
    {
        var undefined = (DataType)99;
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ToV2Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ElementSize());
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ToOrt());
    }
}
