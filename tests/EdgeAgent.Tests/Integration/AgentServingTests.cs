using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>A real agent linked to a real hub over loopback: local, cloud and cache paths.</summary>
public sealed class AgentServingTests : IAsyncLifetime
{
    private readonly EdgeSeed _seed = new("minilm", "silero-vad", "ocr-cls", "resnet18");
    private InProcessHub _hub = null!;
    private InProcessAgent _agent = null!;
    private string _dataDir = "";

    public async ValueTask InitializeAsync()
    {
        _hub = await InProcessHub.StartAsync(TestModels.Repository, ["ocr-cls", "resnet18"]);
        _dataDir = _seed.NewDataDir();
        _agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, _hub.GrpcAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _hub.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task ModelInfer_EdgeModel_IsServedLocallyWithItsVariantAndProvider()
    {
        var response = await _agent.Client.ModelInferAsync(MiniLmText.Request("A man is eating food."), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("local", response.ServedBy());
        Assert.False(response.Degraded());
        Assert.Equal("fp32", response.Parameters[EdgeCloudParameters.Variant].StringParam);
        Assert.Equal("cpu", response.Parameters[EdgeCloudParameters.ExecutionProvider].StringParam);
        Assert.Equal([1L, 128, 384], response.Outputs[0].Shape);
    }

    [Theory]
    [InlineData(null, "local")]
    [InlineData("cloud", "cloud")]
    public async Task RestInfer_BinaryTensors_LocalAndThroughTheCloud_MatchGrpc(string? route, string servedBy)
    {
        var ct = TestContext.Current.CancellationToken;
        var grpcRequest = AgentRequests.OcrCls(7, cache: false, route: route);
        var parameters = new System.Text.Json.Nodes.JsonObject { ["binary_data_output"] = true, ["edgecloud.cache"] = false };
        if (route is not null)
        {
            parameters["edgecloud.route"] = route;
        }

        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["parameters"] = parameters,
            ["inputs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "x",
                ["datatype"] = "FP32",
                ["shape"] = new System.Text.Json.Nodes.JsonArray(1, 3, 48, 192),
                ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["binary_data_size"] = grpcRequest.RawInputContents[0].Length },
            }),
        }.ToJsonString();
        var header = System.Text.Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/models/ocr-cls/infer")
        {
            Content = new ByteArrayContent([.. header, .. grpcRequest.RawInputContents[0].ToByteArray()]),
        };
        request.Headers.TryAddWithoutValidation("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await _agent.Http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var grpc = await _agent.Client.ModelInferAsync(grpcRequest, cancellationToken: ct);

        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(body));
        var jsonLength = int.Parse(response.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(body.AsSpan(0, jsonLength))!;
        Assert.Equal(servedBy, (string?)answer["parameters"]!["edgecloud.served_by"]);
        Assert.Equal(servedBy, grpc.ServedBy());
        Assert.Equal(grpc.RawOutputContents[0].ToByteArray(), body[jsonLength..]);
    }

    [Fact]
    public async Task ModelInfer_CloudPlacedModel_IsServedByTheCloud()
    {
        var response = await _agent.Client.ModelInferAsync(AgentRequests.Resnet(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("cloud", response.ServedBy());
        Assert.Equal([1L, 512, 1, 1], response.Outputs[0].Shape);
        Assert.False(Directory.Exists(Path.Combine(_dataDir, "models", "resnet18", "1")), "a cloud-only model's files are not copied to the device");
    }

    [Fact]
    public async Task ModelInfer_CloudHint_RunsInTheCloudEvenForALocalModel()
    {
        var response = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(1, route: "cloud"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("cloud", response.ServedBy());
    }

    [Fact]
    public async Task ModelInfer_RepeatedRequest_IsServedFromTheCacheWithTheSameOutputs()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _agent.Client.ModelInferAsync(AgentRequests.Silero(440), cancellationToken: ct);
        var second = await _agent.Client.ModelInferAsync(AgentRequests.Silero(440), cancellationToken: ct);
        var optedOut = await _agent.Client.ModelInferAsync(AgentRequests.Silero(440, cache: false), cancellationToken: ct);

        Assert.Equal("local", first.ServedBy());
        Assert.Equal("cache", second.ServedBy());
        Assert.Equal(first.RawOutputContents, second.RawOutputContents);
        Assert.Equal("local", optedOut.ServedBy());
    }

    [Fact]
    public async Task ModelInfer_CacheAfterRestart_StillHits()
    {
        var ct = TestContext.Current.CancellationToken;
        await _agent.Client.ModelInferAsync(AgentRequests.Silero(300), cancellationToken: ct);
        await _agent.DisposeAsync();

        _agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, _hub.GrpcAddress);
        var again = await _agent.Client.ModelInferAsync(AgentRequests.Silero(300), cancellationToken: ct);

        Assert.Equal("cache", again.ServedBy());
    }

    [Fact]
    public async Task ModelInfer_LocalHintForCloudOnlyModel_IsUnavailableWithTheReason()
    {
        var request = AgentRequests.Resnet();
        request.Parameters[EdgeCloudParameters.Route] = new InferParameter { StringParam = "local" };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _agent.Client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("resnet18", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EdgeCloudParameters.Route, "sideways", "must be \"auto\", \"local\" or \"cloud\", got the string \"sideways\"")]
    [InlineData(EdgeCloudParameters.Cache, "no", "must be a bool, got the string \"no\"")]
    [InlineData(EdgeCloudParameters.DeadlineMs, "soon", "must be a positive int64 of at most 86400000 (milliseconds, one day), got the string \"soon\"")]
    public async Task ModelInfer_BadEdgeCloudParameter_IsInvalidArgumentNamingIt(string key, string value, string fragment)
    {
        var request = AgentRequests.Silero(500);
        request.Parameters[key] = new InferParameter { StringParam = value };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _agent.Client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(key + " " + fragment, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelMetadata_CloudOnlyModel_IsAskedOfTheHub()
    {
        var metadata = await _agent.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "resnet18" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Input247", metadata.Inputs[0].Name);
    }
}
