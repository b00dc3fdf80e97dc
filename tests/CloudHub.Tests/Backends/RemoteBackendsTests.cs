using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Tests.Batching;
using EdgeCloud.Protocol;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Backends;

/// <summary>A hub fronting ocr-cls on two other hubs, all alive.</summary>
public sealed class RemoteBackendsTests : IAsyncLifetime
{
    private BackendHubs _hubs = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _hubs = await BackendHubs.StartAsync();

    public async ValueTask DisposeAsync() => await _hubs.DisposeAsync();

    [Fact]
    public async Task ModelInfer_RoundRobin_SpreadsOverBothBackendsWithTheirAnswers()
    {
        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await _hubs.Front.Client.ModelInferAsync(OcrClsRequests.Create(i), cancellationToken: Token);
            var direct = await _hubs.B.Client.ModelInferAsync(OcrClsRequests.Create(i), cancellationToken: Token);
            Assert.Equal(direct.RawOutputContents[0], response.RawOutputContents[0]);
            Assert.Equal(("ocr-cls", $"cls-{i}"), (response.ModelName, response.Id));
            served.Add(response.Parameters[BackendParameters.Backend].StringParam);
        }

        Assert.Equal(3, served.Count(s => s == _hubs.B.GrpcAddress));
        Assert.Equal(3, served.Count(s => s == _hubs.C.GrpcAddress));
    }

    [Fact]
    public async Task ModelReadyAndMetadata_RemoteModel_AreAnsweredThroughTheBackends()
    {
        var ready = await _hubs.Front.Client.ModelReadyAsync(new ModelReadyRequest { Name = "ocr-cls" }, cancellationToken: Token);
        var metadata = await _hubs.Front.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "ocr-cls" }, cancellationToken: Token);
        var index = await _hubs.Front.Client.RepositoryIndexAsync(new RepositoryIndexRequest(), cancellationToken: Token);

        Assert.True(ready.Ready);
        Assert.Equal("ocr-cls", metadata.Name);
        Assert.Equal("x", Assert.Single(metadata.Inputs).Name);
        var entry = Assert.Single(index.Models);
        Assert.Equal(("ocr-cls", "READY"), (entry.Name, entry.State));
        Assert.Contains("forwarded to 2 remote backend(s), policy RoundRobin", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelInfer_BadRequest_AnswersTheBackendsInvalidArgumentWithoutFailover()
    {
        var request = OcrClsRequests.Create(1);
        request.Inputs[0].Shape[3] = 100;

        var ex = await Assert.ThrowsAsync<RpcException>(() => _hubs.Front.Client.ModelInferAsync(request, cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("input 'x'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("(backend http://127.0.0.1:", ex.Status.Detail, StringComparison.Ordinal);
    }
}
