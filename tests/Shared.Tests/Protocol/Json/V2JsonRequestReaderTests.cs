using System.Buffers.Binary;
using System.Text;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol.Json;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Protocol.Json;

public sealed partial class V2JsonRequestReaderTests
{
    public static TheoryData<string, string, string, string> PackedData() => new()
    {
        { "BOOL", "[3]", "[true, false, true]", "010001" },
        { "UINT8", "[3]", "[0, 127, 255]", "007FFF" },
        { "INT8", "[3]", "[-128, -1, 127]", "80FF7F" },
        { "UINT16", "[2]", "[1, 65535]", "0100FFFF" },
        { "INT16", "[2]", "[-32768, 4660]", "00803412" },
        { "UINT32", "[2]", "[1, 4294967295]", "01000000FFFFFFFF" },
        { "INT32", "[2]", "[-1, 16909060]", "FFFFFFFF04030201" },
        { "UINT64", "[1]", "[18446744073709551615]", "FFFFFFFFFFFFFFFF" },
        { "INT64", "[2]", "[-2, 16000]", "FEFFFFFFFFFFFFFF803E000000000000" },
        { "FP16", "[3]", "[1.0, -2, 0.5]", "003C00C00038" },
        { "BF16", "[3]", "[1.0, -2, 1.5]", "803F00C0C03F" },
        { "FP32", "[2]", "[1.0, -0.5]", "0000803F000000BF" },
        { "FP64", "[2]", "[1.0, 0.1]", "000000000000F03F9A9999999999B93F" },
        { "BYTES", "[3]", "[\"hi\", \"\", \"é\"]", "02000000686900000000" + "02000000C3A9" },
    };

    [Theory]
    [MemberData(nameof(PackedData))]
    public void Read_EachDatatype_PacksDataAsLittleEndianRawContents(string datatype, string shape, string data, string expectedHex)
    {
        var request = Read($$"""{"inputs":[{"name":"x","datatype":"{{datatype}}","shape":{{shape}},"data":{{data}}}]}""");

        var input = Assert.Single(request.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal(datatype, input.Datatype);
        Assert.Null(input.Contents);
        Assert.Equal(Convert.FromHexString(expectedHex), Assert.Single(request.RawInputContents).ToByteArray());
    }

    [Fact]
    public void Read_NestedData_PacksTheSameBytesAsFlatData()
    {
        var nested = Read("""{"inputs":[{"name":"x","datatype":"INT32","shape":[2,3],"data":[[1,2,3],[4,5,6]]}]}""");
        var flat = Read("""{"inputs":[{"name":"x","datatype":"INT32","shape":[2,3],"data":[1,2,3,4,5,6]}]}""");

        Assert.Equal(flat.RawInputContents[0], nested.RawInputContents[0]);
        Assert.Equal([1, 2, 3, 4, 5, 6], RawBytes.To<int>(nested.RawInputContents[0]));
        Assert.Equal([2L, 3L], nested.Inputs[0].Shape);
    }

    [Fact]
    public void Read_DeeplyNestedData_PacksRowMajor()
    {
        var request = Read("""{"inputs":[{"name":"x","datatype":"FP32","shape":[2,2,2],"data":[[[1,2],[3,4]],[[5,6],[7,8]]]}]}""");

        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], RawBytes.To<float>(request.RawInputContents[0]));
    }

    [Fact]
    public void Read_ScalarShapeWithBareValue_PacksOneElement()
    {
        var request = Read("""{"inputs":[{"name":"sr","datatype":"INT64","shape":[],"data":16000}]}""");

        Assert.Empty(request.Inputs[0].Shape);
        Assert.Equal([16000L], RawBytes.To<long>(request.RawInputContents[0]));
    }

    [Fact]
    public void Read_ScalarShapeWithOneElementArray_PacksOneElement()
    {
        var request = Read("""{"inputs":[{"name":"sr","datatype":"INT64","shape":[],"data":[16000]}]}""");

        Assert.Equal([16000L], RawBytes.To<long>(request.RawInputContents[0]));
    }

    [Fact]
    public void Read_ZeroSizeShapeAndEmptyData_PacksNothing()
    {
        var request = Read("""{"inputs":[{"name":"x","datatype":"FP32","shape":[0,4],"data":[]}]}""");

        Assert.Equal(0, request.RawInputContents[0].Length);
    }

    [Theory]
    [InlineData("FP32", "4", "NaN", 0x7FC00000u)]
    [InlineData("FP32", "4", "Infinity", 0x7F800000u)]
    [InlineData("FP32", "4", "-Infinity", 0xFF800000u)]
    [InlineData("BF16", "2", "Infinity", 0x7F80u)]
    [InlineData("BF16", "2", "-Infinity", 0xFF80u)]
    [InlineData("FP16", "2", "Infinity", 0x7C00u)]
    [InlineData("FP16", "2", "-Infinity", 0xFC00u)]
    public void Read_NonFiniteStrings_PackTheIeeeValues(string datatype, string size, string text, uint expectedBits)
    {
        var request = Read($$"""{"inputs":[{"name":"x","datatype":"{{datatype}}","shape":[1],"data":["{{text}}"]}]}""");

        var bytes = request.RawInputContents[0].Span;
        var bits = size == "4" ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        if (text == "NaN")
        {
            Assert.True(float.IsNaN(BitConverter.UInt32BitsToSingle(bits)));
        }
        else
        {
            Assert.Equal(expectedBits, bits);
        }
    }

    [Theory]
    [InlineData("FP16")]
    [InlineData("BF16")]
    [InlineData("FP32")]
    [InlineData("FP64")]
    public void Read_NaNString_PacksANaN(string datatype)
    {
        var request = Read($$"""{"inputs":[{"name":"x","datatype":"{{datatype}}","shape":[2],"data":["NaN", 1]}]}""");

        var bytes = request.RawInputContents[0].Span;
        var isNaN = datatype switch
        {
            "FP16" => Half.IsNaN(BinaryPrimitives.ReadHalfLittleEndian(bytes)),
            "BF16" => float.IsNaN(EdgeCloud.Shared.Tensors.BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes))),
            "FP32" => float.IsNaN(BinaryPrimitives.ReadSingleLittleEndian(bytes)),
            _ => double.IsNaN(BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
        };
        Assert.True(isNaN);
    }

    [Fact]
    public void Read_Fp64NonFiniteStrings_PackDoubles()
    {
        var request = Read("""{"inputs":[{"name":"x","datatype":"FP64","shape":[3],"data":["NaN","Infinity","-Infinity"]}]}""");

        var values = RawBytes.To<double>(request.RawInputContents[0]);
        Assert.True(double.IsNaN(values[0]));
        Assert.Equal(double.PositiveInfinity, values[1]);
        Assert.Equal(double.NegativeInfinity, values[2]);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("+Infinity")]
    [InlineData("1.5")]
    public void Read_OtherStringsForFloats_ThrowInvalid(string text) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":["{{text}}"]}]}"""),
            "input 'x'",
            $"data element 0 is \"{text}\"",
            "not a valid FP32 value");

    [Theory]
    [InlineData("FP32", "\"abc\"")]
    [InlineData("FP32", "true")]
    [InlineData("FP32", "null")]
    [InlineData("FP32", "{}")]
    [InlineData("FP64", "\"1\"")]
    [InlineData("FP16", "false")]
    [InlineData("BF16", "\"x\"")]
    [InlineData("UINT8", "300")]
    [InlineData("UINT8", "256")]
    [InlineData("UINT8", "-1")]
    [InlineData("UINT8", "1.5")]
    [InlineData("INT8", "128")]
    [InlineData("INT8", "-129")]
    [InlineData("UINT16", "65536")]
    [InlineData("INT16", "32768")]
    [InlineData("INT16", "-32769")]
    [InlineData("UINT32", "4294967296")]
    [InlineData("UINT32", "-1")]
    [InlineData("INT32", "2147483648")]
    [InlineData("INT32", "\"5\"")]
    [InlineData("INT32", "2.5")]
    [InlineData("UINT64", "-1")]
    [InlineData("UINT64", "18446744073709551616")]
    [InlineData("INT64", "9223372036854775808")]
    [InlineData("INT64", "1.5")]
    [InlineData("BOOL", "1")]
    [InlineData("BOOL", "\"true\"")]
    [InlineData("BYTES", "5")]
    [InlineData("BYTES", "null")]
    public void Read_WrongValueType_ThrowsInvalidNamingInputElementAndType(string datatype, string value) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"{{datatype}}","shape":[2],"data":[{{(datatype == "BYTES" ? "\"ok\"" : datatype == "BOOL" ? "true" : "0")}}, {{value}}]}]}"""),
            "input 'x'",
            $"data element 1 is {value}",
            $"not a valid {datatype} value");

    [Theory]
    [InlineData("[2,2]", "[1,2,3]", 4, 3)]
    [InlineData("[2,2]", "[1,2,3,4,5]", 4, 5)]
    [InlineData("[3]", "[]", 3, 0)]
    [InlineData("[0]", "[1]", 0, 1)]
    [InlineData("[2,2]", "[[1,2],[3]]", 4, 3)]
    [InlineData("[]", "[1,2]", 1, 2)]
    public void Read_WrongElementCount_ThrowsInvalidWithExpectedAndGot(string shape, string data, int expected, int got) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"FP32","shape":{{shape}},"data":{{data}}}]}"""),
            "input 'x'",
            $"the shape holds {expected} elements but \"data\" has {got}");

    [Fact]
    public void Read_HugeShapeWithLittleData_ReportsTheRealElementCount()
    {
        // 100000 x 100000 = 10^10 elements: the message must say so, not a saturated placeholder.
        InferenceAssert.Invalid(
            () => Read("""{"inputs":[{"name":"x","datatype":"FP32","shape":[100000,100000],"data":[1]}]}"""),
            "input 'x'",
            "the shape holds 10000000000 elements but \"data\" has 1");
    }

    [Fact]
    public void Read_DataNestedTooDeep_ThrowsInvalid()
    {
        var data = new string('[', 40) + "1" + new string(']', 40);

        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":{{data}}}]}"""),
            "input 'x'",
            "nested more than 32 levels");
    }

    [Fact]
    public void Read_MultipleInputs_KeepsOrderWithOneRawEntryEach()
    {
        var request = Read("""
            {"id":"req-7",
             "inputs":[
               {"name":"input","datatype":"FP32","shape":[1,2],"data":[[0.5,-0.5]]},
               {"name":"sr","datatype":"INT64","shape":[],"data":16000}],
             "outputs":[{"name":"output"},{"name":"stateN"}]}
            """);

        Assert.Equal("req-7", request.Id);
        Assert.Equal("m", request.ModelName);
        Assert.Equal("", request.ModelVersion);
        Assert.Equal(["input", "sr"], request.Inputs.Select(i => i.Name));
        Assert.Equal(2, request.RawInputContents.Count);
        Assert.Equal([0.5f, -0.5f], RawBytes.To<float>(request.RawInputContents[0]));
        Assert.Equal([16000L], RawBytes.To<long>(request.RawInputContents[1]));
        Assert.Equal(["output", "stateN"], request.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Read_ModelVersion_IsCarriedOver()
    {
        var request = V2JsonRequestReader.Read("""{"inputs":[]}"""u8, "minilm", "3");

        Assert.Equal("minilm", request.ModelName);
        Assert.Equal("3", request.ModelVersion);
        Assert.Empty(request.Inputs);
    }

    [Fact]
    public void Read_Parameters_BecomeTypedInferParameters()
    {
        var request = Read("""
            {"parameters":{"edgecloud.route":"local","edgecloud.deadline_ms":50,"edgecloud.cache":false},
             "inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":[1],"parameters":{"binary_data":true,"n":-3}}]}
            """);

        Assert.Equal("local", request.Parameters["edgecloud.route"].StringParam);
        Assert.Equal(50, request.Parameters["edgecloud.deadline_ms"].Int64Param);
        Assert.False(request.Parameters["edgecloud.cache"].BoolParam);
        Assert.Equal(InferParameter.ParameterChoiceOneofCase.BoolParam, request.Parameters["edgecloud.cache"].ParameterChoiceCase);
        Assert.True(request.Inputs[0].Parameters["binary_data"].BoolParam);
        Assert.Equal(-3, request.Inputs[0].Parameters["n"].Int64Param);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"local\"")]
    [InlineData("null")]
    [InlineData("5")]
    public void Read_ParametersNotAnObject_ThrowsInvalid(string parameters) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"parameters":{{parameters}},"inputs":[]}"""),
            "parameters must be an object");

    [Theory]
    [InlineData("1.5")]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("{\"a\":1}")]
    [InlineData("1e300")]
    public void Read_ParameterOfUnsupportedKind_ThrowsInvalidNamingKeyAndValue(string value) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"parameters":{"edgecloud.deadline_ms":{{value}}},"inputs":[]}"""),
            "'edgecloud.deadline_ms' must be a bool, an integer or a string",
            $"got {value}");

    [Fact]
    public void Read_InputParameterOfUnsupportedKind_ThrowsInvalidNamingTheInput() =>
        InferenceAssert.Invalid(
            () => Read("""{"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":[1],"parameters":{"p":1.25}}]}"""),
            "input 'x' parameters",
            "'p' must be a bool, an integer or a string, got 1.25");

    private static ModelInferRequest Read(string json) => V2JsonRequestReader.Read(Encoding.UTF8.GetBytes(json), "m", null);
}
