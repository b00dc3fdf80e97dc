using System.Text;
using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.Shared.Protocol.Json;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.Shared.Tests.Protocol.Json;

public sealed class V2JsonResponseWriterTests
{
    public static TheoryData<string, string, string> RawOutputs() => new()
    {
        { "BOOL", "010002", "[true,false,true]" },
        { "UINT8", "00FF", "[0,255]" },
        { "INT8", "80FF7F", "[-128,-1,127]" },
        { "UINT16", "FFFF", "[65535]" },
        { "INT16", "0080", "[-32768]" },
        { "UINT32", "FFFFFFFF", "[4294967295]" },
        { "INT32", "FFFFFFFF04030201", "[-1,16909060]" },
        { "UINT64", "FFFFFFFFFFFFFFFF", "[18446744073709551615]" },
        { "INT64", "0000000000000080803E000000000000", "[-9223372036854775808,16000]" },
        { "FP16", "003C00C00038", "[1,-2,0.5]" },
        { "FP16", "007C00FC017C", "[\"Infinity\",\"-Infinity\",\"NaN\"]" },
        { "BF16", "803F00C0C03F", "[1,-2,1.5]" },
        { "BF16", "C07F807F", "[\"NaN\",\"Infinity\"]" },
        { "FP32", "0000803F000000BFCDCCCC3D", "[1,-0.5,0.1]" },
        { "FP32", "0000C07F0000807F000080FF", "[\"NaN\",\"Infinity\",\"-Infinity\"]" },
        { "FP64", "000000000000F03F9A9999999999B93F", "[1,0.1]" },
        { "FP64", "000000000000F87F000000000000F0FF", "[\"NaN\",\"-Infinity\"]" },
        { "BYTES", "02000000686900000000" + "02000000C3A9", "[\"hi\",\"\",\"\\u00E9\"]" },
        { "BYTES", "", "[]" },
    };

    [Theory]
    [MemberData(nameof(RawOutputs))]
    public void Write_RawOutputOfEachDatatype_WritesFlatDataArray(string datatype, string hex, string expectedData)
    {
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Output("y", datatype, hex.Length == 0 ? [0] : [1]));
        response.RawOutputContents.Add(ByteString.CopyFrom(Convert.FromHexString(hex)));

        using var json = Write(response);

        var output = json.RootElement.GetProperty("outputs")[0];
        Assert.Equal(datatype, output.GetProperty("datatype").GetString());
        Assert.Equal(expectedData, output.GetProperty("data").GetRawText());
    }

    [Fact]
    public void Write_RawBytesOutput_DecodesUtf8Text()
    {
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Output("text", "BYTES", [2]));
        response.RawOutputContents.Add(ByteString.CopyFrom(BytesElements.Join([Encoding.UTF8.GetBytes("日本"), Encoding.UTF8.GetBytes("✓ ok")])));

        using var json = Write(response);

        var data = json.RootElement.GetProperty("outputs")[0].GetProperty("data");
        Assert.Equal(["日本", "✓ ok"], data.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Write_TypedContentsOfEachField_WritesTheirValues()
    {
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Typed("b", "BOOL", c => c.BoolContents.AddRange([true, false])));
        response.Outputs.Add(Typed("i8", "INT8", c => c.IntContents.AddRange([-128, 127])));
        response.Outputs.Add(Typed("i32", "INT32", c => c.IntContents.AddRange([int.MinValue])));
        response.Outputs.Add(Typed("i64", "INT64", c => c.Int64Contents.AddRange([long.MaxValue])));
        response.Outputs.Add(Typed("u16", "UINT16", c => c.UintContents.AddRange([65535u])));
        response.Outputs.Add(Typed("u64", "UINT64", c => c.Uint64Contents.AddRange([ulong.MaxValue])));
        response.Outputs.Add(Typed("f32", "FP32", c => c.Fp32Contents.AddRange([1.5f, 0.1f, float.NaN, float.NegativeInfinity])));
        response.Outputs.Add(Typed("f64", "FP64", c => c.Fp64Contents.AddRange([0.1, double.PositiveInfinity])));
        response.Outputs.Add(Typed("s", "BYTES", c => c.BytesContents.AddRange([ByteString.CopyFromUtf8("a b"), ByteString.Empty])));

        using var json = Write(response);

        var data = json.RootElement.GetProperty("outputs").EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("data").GetRawText());
        Assert.Equal("[true,false]", data["b"]);
        Assert.Equal("[-128,127]", data["i8"]);
        Assert.Equal("[-2147483648]", data["i32"]);
        Assert.Equal("[9223372036854775807]", data["i64"]);
        Assert.Equal("[65535]", data["u16"]);
        Assert.Equal("[18446744073709551615]", data["u64"]);
        Assert.Equal("[1.5,0.1,\"NaN\",\"-Infinity\"]", data["f32"]);
        Assert.Equal("[0.1,\"Infinity\"]", data["f64"]);
        Assert.Equal("[\"a b\",\"\"]", data["s"]);
    }

    [Fact]
    public void Write_Response_WritesNameVersionIdShapeAndParameters()
    {
        var response = new ModelInferResponse { ModelName = "silero-vad", ModelVersion = "2", Id = "req-9" };
        response.Parameters[EdgeCloudParameters.ServedBy] = new InferParameter { StringParam = EdgeCloudParameters.ServedByLocal };
        response.Parameters[EdgeCloudParameters.Degraded] = new InferParameter { BoolParam = true };
        response.Parameters["queue_ms"] = new InferParameter { Int64Param = 12 };
        response.Outputs.Add(Output("output", "FP32", [1, 1]));
        response.RawOutputContents.Add(ByteString.CopyFrom(BitConverter.GetBytes(0.25f)));

        using var json = Write(response);

        var root = json.RootElement;
        Assert.Equal("silero-vad", root.GetProperty("model_name").GetString());
        Assert.Equal("2", root.GetProperty("model_version").GetString());
        Assert.Equal("req-9", root.GetProperty("id").GetString());
        var parameters = root.GetProperty("parameters");
        Assert.Equal("local", parameters.GetProperty(EdgeCloudParameters.ServedBy).GetString());
        Assert.True(parameters.GetProperty(EdgeCloudParameters.Degraded).GetBoolean());
        Assert.Equal(12, parameters.GetProperty("queue_ms").GetInt64());
        var output = root.GetProperty("outputs")[0];
        Assert.Equal("output", output.GetProperty("name").GetString());
        Assert.Equal("[1,1]", output.GetProperty("shape").GetRawText());
        Assert.Equal("[0.25]", output.GetProperty("data").GetRawText());
    }

    [Fact]
    public void Write_NoIdAndNoParameters_LeavesThemOut()
    {
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };

        using var json = Write(response);

        Assert.False(json.RootElement.TryGetProperty("id", out _));
        Assert.False(json.RootElement.TryGetProperty("parameters", out _));
        Assert.Equal(0, json.RootElement.GetProperty("outputs").GetArrayLength());
    }

    [Fact]
    public void Write_SeveralRawOutputs_PairsEachWithItsOwnEntry()
    {
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Output("a", "INT32", [2]));
        response.Outputs.Add(Output("b", "UINT8", [3]));
        response.RawOutputContents.Add(ByteString.CopyFrom(Convert.FromHexString("0100000002000000")));
        response.RawOutputContents.Add(ByteString.CopyFrom(Convert.FromHexString("070809")));

        using var json = Write(response);

        var outputs = json.RootElement.GetProperty("outputs");
        Assert.Equal("[1,2]", outputs[0].GetProperty("data").GetRawText());
        Assert.Equal("[7,8,9]", outputs[1].GetProperty("data").GetRawText());
    }

    [Fact]
    public void Write_ReaderOutputFedBack_RoundTripsValues()
    {
        var request = V2JsonRequestReader.Read(
            """{"inputs":[{"name":"x","datatype":"FP32","shape":[2,2],"data":[[1.5,-2],["NaN",0.1]]}]}"""u8, "m", null);
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Output("x", "FP32", [2, 2]));
        response.RawOutputContents.Add(request.RawInputContents[0]);

        using var json = Write(response);

        Assert.Equal("[1.5,-2,\"NaN\",0.1]", json.RootElement.GetProperty("outputs")[0].GetProperty("data").GetRawText());
    }

    [Fact]
    public void Write_OutputsAskedAsBinary_CarryTheirSizeInsteadOfData_UnlessTheyOnlyHaveTypedContents()
    {
        V2JsonRequestReader.Read(
            """{"inputs":[],"outputs":[{"name":"a","parameters":{"binary_data":true}},{"name":"b"},{"name":"t","parameters":{"binary_data":true}}]}"""u8,
            ReadOnlyMemory<byte>.Empty, "m", null, out var asked);
        var response = new ModelInferResponse { ModelName = "m", ModelVersion = "1" };
        response.Outputs.Add(Output("a", "INT32", [2]));
        response.Outputs.Add(Output("b", "UINT8", [3]));
        response.Outputs.Add(Typed("t", "FP32", c => c.Fp32Contents.Add(1.5f)));
        response.RawOutputContents.Add(ByteString.CopyFrom(Convert.FromHexString("0100000002000000")));
        response.RawOutputContents.Add(ByteString.CopyFrom(Convert.FromHexString("070809")));

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            V2JsonResponseWriter.Write(writer, response, asked);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        var outputs = json.RootElement.GetProperty("outputs");
        Assert.Equal(8, outputs[0].GetProperty("parameters").GetProperty("binary_data_size").GetInt64());
        Assert.False(outputs[0].TryGetProperty("data", out _));
        Assert.Equal("[7,8,9]", outputs[1].GetProperty("data").GetRawText());
        Assert.Equal("[1.5]", outputs[2].GetProperty("data").GetRawText());
        Assert.Equal([true, false, false], V2JsonResponseWriter.BinaryOutputs(response, asked));
    }

    private static ModelInferResponse.Types.InferOutputTensor Output(string name, string datatype, long[] shape)
    {
        var output = new ModelInferResponse.Types.InferOutputTensor { Name = name, Datatype = datatype };
        output.Shape.AddRange(shape);
        return output;
    }

    private static ModelInferResponse.Types.InferOutputTensor Typed(string name, string datatype, Action<InferTensorContents> fill)
    {
        var output = Output(name, datatype, [1]);
        output.Contents = new InferTensorContents();
        fill(output.Contents);
        return output;
    }

    private static JsonDocument Write(ModelInferResponse response)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            V2JsonResponseWriter.Write(writer, response);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
