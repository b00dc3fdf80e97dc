using System.Runtime.InteropServices;
using System.Text;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol.Json;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Protocol.Json;

/// <summary>The binary tensor data extension: inputs whose bytes follow the JSON header, and outputs asked for as binary.</summary>
public sealed partial class V2JsonRequestReaderTests
{
    private static readonly byte[] TwoFloats = [.. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f)];
    private static readonly byte[] OneLong = BitConverter.GetBytes(16000L);

    [Fact]
    public void ReadBinary_InputsTakeTheirBytesInOrder_BesideAJsonInput()
    {
        var request = ReadBinary(
            """
            {"inputs":[
              {"name":"a","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":8}},
              {"name":"b","datatype":"INT32","shape":[2],"data":[7,8]},
              {"name":"c","datatype":"INT64","shape":[],"parameters":{"binary_data_size":8,"keep":"me"}}]}
            """,
            [.. TwoFloats, .. OneLong],
            out var outputs);

        Assert.Equal([1.5f, -2f], RawBytes.To<float>(request.RawInputContents[0]));
        Assert.Equal([7, 8], RawBytes.To<int>(request.RawInputContents[1]));
        Assert.Equal([16000L], RawBytes.To<long>(request.RawInputContents[2]));
        Assert.False(request.Inputs[0].Parameters.ContainsKey("binary_data_size"));
        Assert.Equal("me", request.Inputs[2].Parameters["keep"].StringParam);
        Assert.False(outputs.Any);
    }

    [Fact]
    public void ReadBinary_DataAfterAHeaderOfOddLength_IsHandedOnAlignedToItsElementSize()
    {
        var json = Encoding.UTF8.GetBytes("""{"inputs":[{"name":"a","datatype":"FP32","shape":[2],"parameters":{"binary_data_size":8}}]}  """);
        Assert.NotEqual(0, json.Length % 4);
        byte[] body = [.. json, .. TwoFloats];

        var request = V2JsonRequestReader.Read(body.AsSpan(0, json.Length), body.AsMemory(json.Length), "m", null, out _);

        Assert.True(MemoryMarshal.TryGetArray(request.RawInputContents[0].Memory, out var segment));
        Assert.Equal(0, segment.Offset % 4);
        Assert.Equal([1.5f, -2f], RawBytes.To<float>(request.RawInputContents[0]));
    }

    [Fact]
    public void ReadBinary_BytesInput_KeepsItsLengthPrefixedElements()
    {
        byte[] elements = [2, 0, 0, 0, (byte)'h', (byte)'i', 0, 0, 0, 0];

        var request = ReadBinary("""{"inputs":[{"name":"t","datatype":"BYTES","shape":[2],"parameters":{"binary_data_size":10}}]}""", elements, out _);

        Assert.Equal(elements, request.RawInputContents[0].ToByteArray());
    }

    [Fact]
    public void Read_BinaryDataOutput_IsTheDefaultAndEachOutputMayOverrideIt()
    {
        var request = ReadBinary(
            """
            {"parameters":{"binary_data_output":true,"edgecloud.route":"local"},
             "inputs":[{"name":"x","datatype":"INT32","shape":[1],"data":[1]}],
             "outputs":[{"name":"y","parameters":{"binary_data":false}},{"name":"z"}]}
            """,
            [],
            out var outputs);

        Assert.True(outputs.Any);
        Assert.False(outputs.IsBinary("y"));
        Assert.True(outputs.IsBinary("z"));
        Assert.True(outputs.IsBinary("not-listed"));
        Assert.False(request.Parameters.ContainsKey("binary_data_output"));
        Assert.Equal("local", request.Parameters["edgecloud.route"].StringParam);
        Assert.False(request.Outputs[0].Parameters.ContainsKey("binary_data"));
    }

    [Fact]
    public void Read_OneOutputAskedAsBinary_OnlyThatOne()
    {
        ReadBinary("""{"inputs":[{"name":"x","datatype":"INT32","shape":[1],"data":[1]}],"outputs":[{"name":"y","parameters":{"binary_data":true}},{"name":"z"}]}""", [], out var outputs);

        Assert.True(outputs.Any);
        Assert.True(outputs.IsBinary("y"));
        Assert.False(outputs.IsBinary("z"));
    }

    [Theory]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,3],"parameters":{"binary_data_size":8}}""", 8, "binary_data_size is 8 bytes, but its shape holds 3 FP32 elements = 12 bytes")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,4],"parameters":{"binary_data_size":16}}""", 8, "binary_data_size is 16 bytes, but only 8 bytes of binary data are left after the JSON header")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":8}}""", 0, "the body has no binary data after its JSON; send the JSON's length in the Inference-Header-Content-Length header")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":8}}""", 12, "the body has 12 bytes of binary data after the JSON header, but the inputs' binary_data_size values add up to 8")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2],"data":[1,2],"parameters":{"binary_data_size":8}}""", 8, "input 'a' has both \"data\" and binary_data_size")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":-8}}""", 8, "binary_data_size must be a whole number of bytes")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":"8"}}""", 8, "binary_data_size must be a whole number of bytes")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[1,2]}""", 8, "\"data\" is missing (or give binary_data_size")]
    [InlineData("""{"name":"a","datatype":"FP32","shape":[4611686018427387905],"parameters":{"binary_data_size":4}}""", 4, "holds 4611686018427387905 FP32 elements = more bytes than can be counted")]
    public void ReadBinary_InconsistentSizes_ThrowInvalidSayingWhatWasExpected(string input, int binaryBytes, string fragment) =>
        InferenceAssert.Invalid(() => ReadBinary($$"""{"inputs":[{{input}}]}""", new byte[binaryBytes], out _), fragment);

    [Fact]
    public void Read_NonBoolBinaryDataOutput_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => ReadBinary("""{"parameters":{"binary_data_output":"yes"},"inputs":[{"name":"x","datatype":"INT32","shape":[1],"data":[1]}]}""", [], out _),
            "'binary_data_output' must be true or false");

    private static ModelInferRequest ReadBinary(string json, byte[] binary, out V2BinaryOutputs outputs) =>
        V2JsonRequestReader.Read(Encoding.UTF8.GetBytes(json), binary, "m", null, out outputs);
}
