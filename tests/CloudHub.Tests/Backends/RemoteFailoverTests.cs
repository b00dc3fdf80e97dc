using EdgeCloud.CloudHub.Backends;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Batching;
using EdgeCloud.CloudHub.Tests.Metrics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.CloudHub.Tests.Backends;

/// <summary>Hub A fronts ocr-cls on hubs B and C; C dies, then B.</summary>
public sealed class RemoteFailoverTests : IAsyncLifetime
{
    private BackendHubs _hubs = null!;
    private MeterRecorder _recorder = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _hubs = await BackendHubs.StartAsync();
        _recorder = new MeterRecorder(_hubs.Front.Services.GetRequiredService<HubMetrics>().Meter);
    }

    public async ValueTask DisposeAsync()
    {
        _recorder.Dispose();
        await _hubs.DisposeAsync();
    }

    [Fact]
    public async Task ModelInfer_OneBackendDies_FailsOverToTheOtherWithNoFailedRequest()
    {
        for (var i = 0; i < 6; i++)
        {
            await _hubs.Front.Client.ModelInferAsync(OcrClsRequests.Create(i), cancellationToken: Token);
        }

        var c = _hubs.C.GrpcAddress;
        Assert.Equal(3, Attempts(c, "success"));
        await _hubs.StopAsync(_hubs.C);

        var served = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var response = await _hubs.Front.Client.ModelInferAsync(OcrClsRequests.Create(100 + i), cancellationToken: Token);
            served.Add(response.Parameters[BackendParameters.Backend].StringParam);
        }

        Assert.All(served, s => Assert.Equal(_hubs.B.GrpcAddress, s));
        Assert.InRange(Attempts(c, "failure"), 0, 2);
        Assert.Empty(_recorder.Tags("edgecloud.hub.request.failures"));
        Assert.True(_hubs.Front.Services.GetRequiredService<RemoteBackendRegistry>().TryGet("ocr-cls", out var route));
        Assert.False(route.Backends.Single(b => b.Id == c).State.IsAvailable);
    }

    [Fact]
    public async Task ModelInfer_BothBackendsDead_AnswersUnavailableNamingThem()
    {
        await _hubs.Front.Client.ModelInferAsync(OcrClsRequests.Create(1), cancellationToken: Token);
        await _hubs.StopAsync(_hubs.C);
        await _hubs.StopAsync(_hubs.B);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _hubs.Front.Client.ModelInferAsync(OcrClsRequests.Create(2), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("model 'ocr-cls'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(_hubs.B.GrpcAddress, ex.Status.Detail, StringComparison.Ordinal);
    }

    private int Attempts(string backend, string outcome) =>
        _recorder.Tags("edgecloud.hub.backend.requests").Count(t => Equals(t["backend"], backend) && Equals(t["outcome"], outcome));
}
