using System.Text;
using EdgeCloud.Shared.Protocol.Json;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Protocol.Json;

/// <summary>Bodies that are not a v2 request: each refused as INVALID_ARGUMENT saying what was expected.</summary>
public sealed partial class V2JsonRequestReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"inputs\":[}")]
    [InlineData("not json")]
    [InlineData("{\"inputs\":[]} trailing")]
    public void Read_NotValidJson_ThrowsInvalid(string body) =>
        InferenceAssert.Invalid(() => Read(body), "the body is not valid JSON");

    [Fact]
    public void Read_InvalidUtf8InsideAString_ThrowsInvalidSayingWhere()
    {
        var body = Encoding.UTF8.GetBytes("""{"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":[1]}]}""");
        body[36] = 0xF1; // inside "FP32": JsonDocument would accept it and fail only when the string is read

        InferenceAssert.Invalid(() => V2JsonRequestReader.Read(body, "m", null), "the body is not valid UTF-8 (at byte 36)");
    }

    [Theory]
    [InlineData("[]", "Array")]
    [InlineData("\"inputs\"", "String")]
    [InlineData("42", "Number")]
    [InlineData("null", "Null")]
    public void Read_NotAnObject_ThrowsInvalidSayingWhatItGot(string body, string kind) =>
        InferenceAssert.Invalid(() => Read(body), "the body must be a JSON object", $"got {kind}");

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"inputs\":{}}")]
    [InlineData("{\"inputs\":null}")]
    [InlineData("{\"Inputs\":[]}")]
    public void Read_MissingInputsArray_ThrowsInvalid(string body) =>
        InferenceAssert.Invalid(() => Read(body), "the body must have an \"inputs\" array");

    [Fact]
    public void Read_InputNotAnObject_ThrowsInvalidNamingItsIndex() =>
        InferenceAssert.Invalid(
            () => Read("""{"inputs":[{"name":"a","datatype":"FP32","shape":[1],"data":[1]}, 5]}"""),
            "inputs[1] must be an object");

    [Theory]
    [InlineData("""{"datatype":"FP32","shape":[1],"data":[1]}""")]
    [InlineData("""{"name":5,"datatype":"FP32","shape":[1],"data":[1]}""")]
    [InlineData("""{"name":null,"datatype":"FP32","shape":[1],"data":[1]}""")]
    public void Read_MissingName_ThrowsInvalidNamingTheIndex(string input) =>
        InferenceAssert.Invalid(() => Read($$"""{"inputs":[{{input}}]}"""), "inputs[0]", "\"name\" must be a string");

    [Theory]
    [InlineData("""{"name":"x","shape":[1],"data":[1]}""")]
    [InlineData("""{"name":"x","datatype":32,"shape":[1],"data":[1]}""")]
    public void Read_MissingDatatype_ThrowsInvalidNamingTheInput(string input) =>
        InferenceAssert.Invalid(() => Read($$"""{"inputs":[{{input}}]}"""), "input 'x'", "\"datatype\" must be a string");

    [Theory]
    [InlineData("FLOAT32")]
    [InlineData("fp32")]
    [InlineData("TYPE_FP32")]
    public void Read_UnknownDatatype_ThrowsInvalidListingKnownNames(string datatype) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"{{datatype}}","shape":[1],"data":[1]}]}"""),
            "input 'x'",
            $"unknown datatype '{datatype}'",
            "BF16, BOOL, BYTES, FP16, FP32, FP64, INT16, INT32, INT64, INT8, UINT16, UINT32, UINT64, UINT8");

    [Theory]
    [InlineData("""{"name":"x","datatype":"FP32","data":[1]}""")]
    [InlineData("""{"name":"x","datatype":"FP32","shape":1,"data":[1]}""")]
    [InlineData("""{"name":"x","datatype":"FP32","shape":"[1]","data":[1]}""")]
    public void Read_MissingShape_ThrowsInvalid(string input) =>
        InferenceAssert.Invalid(() => Read($$"""{"inputs":[{{input}}]}"""), "input 'x'", "\"shape\" must be an array of integers");

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    [InlineData("null")]
    [InlineData("9223372036854775808")]
    public void Read_BadShapeDimension_ThrowsInvalidSayingWhatItGot(string dim) =>
        InferenceAssert.Invalid(
            () => Read($$"""{"inputs":[{"name":"x","datatype":"FP32","shape":[1,{{dim}}],"data":[1]}]}"""),
            "input 'x'",
            "\"shape\" must hold integers >= 0",
            $"got {dim}");

    [Fact]
    public void Read_MissingData_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => Read("""{"inputs":[{"name":"x","datatype":"FP32","shape":[1]}]}"""),
            "input 'x'",
            "\"data\" is missing");

    [Fact]
    public void Read_IdNotAString_ThrowsInvalid() =>
        InferenceAssert.Invalid(() => Read("""{"id":7,"inputs":[]}"""), "\"id\" must be a string");

    [Theory]
    [InlineData("{}")]
    [InlineData("\"output\"")]
    public void Read_OutputsNotAnArray_ThrowsInvalid(string outputs) =>
        InferenceAssert.Invalid(() => Read($$"""{"inputs":[],"outputs":{{outputs}}}"""), "\"outputs\" must be an array");

    [Theory]
    [InlineData("[{}]")]
    [InlineData("[\"output\"]")]
    [InlineData("[{\"name\":1}]")]
    public void Read_OutputWithoutName_ThrowsInvalid(string outputs) =>
        InferenceAssert.Invalid(() => Read($$"""{"inputs":[],"outputs":{{outputs}}}"""), "outputs[]", "\"name\" must be a string");

    [Fact]
    public void Read_BodyNestedPastTheReaderLimit_ThrowsInvalidInsteadOfOverflowing()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        InferenceAssert.Invalid(() => Read($$"""{"inputs":{{deep}}}"""), "not valid JSON");
    }
}
