using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCloud.CloudHub.Tests.Integration;

public sealed class RestApiTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private readonly HttpClient _http = fixture.Hub.Http;

    [Theory]
    [InlineData("/v2/health/live")]
    [InlineData("/v2/health/ready")]
    [InlineData("/v2/models/silero-vad/ready")]
    [InlineData("/v2/models/silero-vad/versions/1/ready")]
    public async Task Get_HealthEndpoints_AreOk(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_ServerAndModelMetadata_DescribeTheModel()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await _http.GetFromJsonAsync<JsonObject>("/v2", ct);
        var model = await _http.GetFromJsonAsync<JsonObject>("/v2/models/minilm", ct);

        Assert.Equal("edgecloud-hub", (string?)server!["name"]);
        Assert.Contains("model_repository", server["extensions"]!.AsArray().Select(e => (string?)e));
        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], model!["inputs"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.Equal("INT64", (string?)model["inputs"]![0]!["datatype"]);
        Assert.Equal([-1L, -1], model["inputs"]![0]!["shape"]!.AsArray().Select(d => (long)d!));
    }

    [Fact]
    public async Task PostInfer_SileroJson_MatchesGrpc()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Requests.Sine(512);
        var body = new
        {
            id = "rest-1",
            inputs = new object[]
            {
                new { name = "input", shape = new[] { 1, 512 }, datatype = "FP32", data = samples },
                new { name = "state", shape = new[] { 2, 1, 128 }, datatype = "FP32", data = new float[256] },
                new { name = "sr", shape = Array.Empty<int>(), datatype = "INT64", data = new[] { 16000 } },
            },
        };

        using var response = await _http.PostAsJsonAsync("/v2/models/silero-vad/infer", body, ct);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        var grpc = await fixture.Hub.Client.ModelInferAsync(Requests.Silero(samples), cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rest-1", (string?)json!["id"]);
        var probability = (float)json["outputs"]![0]!["data"]![0]!;
        Assert.Equal(Requests.Floats(grpc.RawOutputContents[0])[0], probability, 1e-6f);
        Assert.Equal("cpu", (string?)json["parameters"]!["edgecloud.execution_provider"]);
    }

    [Theory]
    [InlineData("/v2/models/nope/infer", "{}", HttpStatusCode.NotFound, "model 'nope' is not loaded")]
    [InlineData("/v2/models/silero-vad/infer", "not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("/v2/models/silero-vad/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,2]}]}", HttpStatusCode.BadRequest, "the shape holds 3 elements but \"data\" has 2")]
    [InlineData("/v2/models/silero-vad/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1],\"datatype\":\"FP32\",\"data\":[\"x\"]}]}", HttpStatusCode.BadRequest, "not a valid FP32 value")]
    [InlineData("/v2/models/silero-vad/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1],\"datatype\":\"FP32\",\"data\":[1]}]}", HttpStatusCode.BadRequest, "missing: state, sr")]
    public async Task PostInfer_BadRequest_ReturnsStatusAndClearError(string path, string body, HttpStatusCode status, string fragment)
    {
        var ct = TestContext.Current.CancellationToken;
        using var content = new StringContent(body);

        using var response = await _http.PostAsync(path, content, ct);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(fragment, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var ready = await _http.GetAsync("/v2/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownModelMetadata_Is404WithLoadedModels()
    {
        using var response = await _http.GetAsync("/v2/models/nope", TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("minilm", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
