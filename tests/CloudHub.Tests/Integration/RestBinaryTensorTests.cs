using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>
/// The binary tensor data extension over real HTTP: tensor bytes after the JSON header (<c>Inference-Header-Content-Length</c>)
/// in requests and responses, with the real models, matched against the same request over gRPC.
/// </summary>
public sealed class RestBinaryTensorTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private const string HeaderLength = "Inference-Header-Content-Length";
    private readonly HttpClient _http = fixture.Hub.Http;

    [Fact]
    public async Task MiniLm_BinaryInputsAndOutput_MatchGrpc()
    {
        var ct = TestContext.Current.CancellationToken;
        var grpcRequest = MiniLmText.Request("A man is eating food.");
        var json = new JsonObject
        {
            ["parameters"] = new JsonObject { ["binary_data_output"] = true },
            ["inputs"] = new JsonArray([.. grpcRequest.Inputs.Select((input, i) => (JsonNode)new JsonObject
            {
                ["name"] = input.Name,
                ["datatype"] = input.Datatype,
                ["shape"] = new JsonArray([.. input.Shape.Select(d => JsonValue.Create(d))]),
                ["parameters"] = new JsonObject { ["binary_data_size"] = grpcRequest.RawInputContents[i].Length },
            })]),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "last_hidden_state" }),
        };

        using var response = await PostAsync("minilm", json.ToJsonString(), [.. grpcRequest.RawInputContents.SelectMany(r => r.ToByteArray())], ct);
        var (header, binary) = await SplitAsync(response, ct);
        var grpc = await fixture.Hub.Client.ModelInferAsync(grpcRequest, cancellationToken: ct);

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var output = header["outputs"]![0]!;
        Assert.Equal([1L, 128, 384], output["shape"]!.AsArray().Select(d => (long)d!));
        Assert.Equal(1 * 128 * 384 * 4, (long)output["parameters"]!["binary_data_size"]!);
        Assert.Null(output["data"]);
        var expected = MemoryMarshal.Cast<byte, float>(grpc.RawOutputContents[0].Span).ToArray();
        var actual = MemoryMarshal.Cast<byte, float>(binary).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second)) <= 1e-5f);
    }

    [Fact]
    public async Task Silero_OneBinaryInputBesideJsonInputs_AnswersInJson()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Requests.Sine(512);
        var json = $$$"""
            {"inputs":[
              {"name":"input","datatype":"FP32","shape":[1,512],"parameters":{"binary_data_size":2048}},
              {"name":"state","datatype":"FP32","shape":[2,1,128],"data":{{{JsonSerializer.Serialize(new float[256])}}}},
              {"name":"sr","datatype":"INT64","shape":[],"data":[16000]}]}
            """;

        using var response = await PostAsync("silero-vad", json, MemoryMarshal.AsBytes(samples.AsSpan()).ToArray(), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        var grpc = await fixture.Hub.Client.ModelInferAsync(Requests.Silero(samples), cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains(HeaderLength), "no binary data follows, so no header length");
        Assert.Equal(Requests.Floats(grpc.RawOutputContents[0])[0], (float)body!["outputs"]![0]!["data"]![0]!, 1e-6f);
    }

    [Theory]
    [InlineData("abc", 2048, "Inference-Header-Content-Length must be the JSON header's length in bytes")]
    [InlineData("999999", 2048, "a whole number from 0 to the body's")]
    [InlineData(null, 2040, "input 'state': binary_data_size is 1024 bytes, but only 1016 bytes of binary data are left after the JSON header")]
    [InlineData(null, 2056, "the body has 3080 bytes of binary data after the JSON header, but the inputs' binary_data_size values add up to 3072")]
    public async Task BadBinaryBodies_Are400SayingWhatWasExpected_AndTheNextRequestIsServed(string? header, int binaryBytes, string fragment)
    {
        var ct = TestContext.Current.CancellationToken;
        var json = """
            {"inputs":[
              {"name":"input","datatype":"FP32","shape":[1,512],"parameters":{"binary_data_size":2048}},
              {"name":"state","datatype":"FP32","shape":[2,1,128],"parameters":{"binary_data_size":1024}},
              {"name":"sr","datatype":"INT64","shape":[],"data":[16000]}]}
            """;

        using (var bad = await PostAsync("silero-vad", json, new byte[binaryBytes + 1024], ct, header))
        {
            var error = await bad.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(fragment, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using var good = await PostAsync("silero-vad", json, new byte[2048 + 1024], ct);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task ServerMetadata_ListsTheExtension()
    {
        var server = await _http.GetFromJsonAsync<JsonObject>("/v2", TestContext.Current.CancellationToken);

        Assert.Contains("binary_tensor_data", server!["extensions"]!.AsArray().Select(e => (string?)e));
    }

    private async Task<HttpResponseMessage> PostAsync(string model, string json, byte[] binary, CancellationToken ct, string? headerOverride = null)
    {
        var header = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{model}/infer") { Content = new ByteArrayContent([.. header, .. binary]) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.TryAddWithoutValidation(HeaderLength, headerOverride ?? header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await _http.SendAsync(request, ct);
    }

    private static async Task<(JsonObject Header, byte[] Binary)> SplitAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        var length = int.Parse(response.Headers.GetValues(HeaderLength).Single(), System.Globalization.CultureInfo.InvariantCulture);
        return (JsonNode.Parse(body.AsSpan(0, length))!.AsObject(), body[length..]);
    }
}
