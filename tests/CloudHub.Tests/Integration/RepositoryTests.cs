using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Grpc.Health.V1;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>Triton's repository extension on a hub over its own copy of the repository.</summary>
public sealed class RepositoryTests : IAsyncLifetime
{
    private readonly string _repository = Directory.CreateTempSubdirectory("edgecloud-repo-").FullName;
    private InProcessHub _hub = null!;

    public async ValueTask InitializeAsync()
    {
        TestModels.CopyModel("silero-vad", _repository);
        TestModels.CopyModel("ocr-cls", _repository);
        _hub = await InProcessHub.StartAsync(_repository, []);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_repository, recursive: true);
    }

    [Fact]
    public async Task RepositoryIndex_ListsEveryModelReady()
    {
        var index = await _hub.Client.RepositoryIndexAsync(new RepositoryIndexRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["ocr-cls", "silero-vad"], index.Models.Select(m => m.Name));
        Assert.All(index.Models, m => Assert.Equal("READY", m.State));
    }

    [Fact]
    public async Task UnloadAndLoad_WhileAnotherModelServes_DropsNoRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var served = 0;
        var traffic = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await _hub.Client.ModelInferAsync(Requests.Silero(Requests.Sine(512)), cancellationToken: ct);
                served++;
            }
        }, ct);

        for (var round = 0; round < 3; round++)
        {
            await _hub.Client.RepositoryModelUnloadAsync(new RepositoryModelUnloadRequest { ModelName = "ocr-cls" }, cancellationToken: ct);
            var unloaded = await _hub.Client.ModelReadyAsync(new ModelReadyRequest { Name = "ocr-cls" }, cancellationToken: ct);
            Assert.False(unloaded.Ready);
            await _hub.Client.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "ocr-cls" }, cancellationToken: ct);
        }

        await stop.CancelAsync();
        await traffic;
        var ready = await _hub.Client.ModelReadyAsync(new ModelReadyRequest { Name = "ocr-cls" }, cancellationToken: ct);
        Assert.True(ready.Ready);
        Assert.True(served > 0);
    }

    [Fact]
    public async Task RepositoryModelLoad_UnknownOrBrokenModel_FailsClearlyAndIndexSaysWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Path.Combine(_repository, "broken", "1"));
        await File.WriteAllTextAsync(Path.Combine(_repository, "broken", "config.json"), "{\"name\":\"broken\",\"placement\":\"moon\"}", ct);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await _hub.Client.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "nope" }, cancellationToken: ct));
        var broken = await Assert.ThrowsAsync<RpcException>(async () =>
            await _hub.Client.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "broken" }, cancellationToken: ct));
        var index = await _hub.Client.RepositoryIndexAsync(new RepositoryIndexRequest(), cancellationToken: ct);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.Unavailable, broken.StatusCode);
        Assert.Contains("placement must be edge, cloud or both, got 'moon'", broken.Status.Detail, StringComparison.Ordinal);
        var entry = index.Models.Single(m => m.Name == "broken");
        Assert.Equal("UNAVAILABLE", entry.State);
        Assert.Contains("moon", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_AfterModelsLoaded_IsServing()
    {
        var health = new Health.HealthClient(_hub.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ModelStreamInfer_BadRequestOnStream_AnswersErrorAndKeepsServing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var call = _hub.Client.ModelStreamInfer(cancellationToken: ct);
        var bad = Requests.Silero(Requests.Sine(512));
        bad.Inputs[0].Datatype = "INT8";

        await call.RequestStream.WriteAsync(bad, ct);
        await call.RequestStream.WriteAsync(Requests.Silero(Requests.Sine(512)), ct);
        await call.RequestStream.CompleteAsync();
        var replies = await call.ResponseStream.ReadAllAsync(ct).ToListAsync(ct);

        Assert.Equal(2, replies.Count);
        Assert.Contains("expected datatype FP32, got INT8", replies[0].ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(replies[1].ErrorMessage);
        Assert.Equal(2, replies[1].InferResponse.Outputs.Count);
    }
}
