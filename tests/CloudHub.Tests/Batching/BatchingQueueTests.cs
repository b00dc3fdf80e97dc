using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>
/// The batching queue's refusals over real gRPC. The hub's MiniLM waits 10 s for a batch and queues one
/// request at most, so a request sent alone stays queued until the test lets it go.
/// </summary>
public sealed class BatchingQueueTests : IAsyncLifetime
{
    private readonly LinkedRepository _repository = new LinkedRepository()
        .Add("minilm", LinkedRepository.Batched(maxBatchSize: 4, delayMicroseconds: 10_000_000, maxQueueSize: 1));

    private InProcessHub _hub = null!;
    private MeterRecorder _recorder = null!;

    public async ValueTask InitializeAsync()
    {
        _hub = await InProcessHub.StartAsync(_repository.Root, ["minilm"]);
        _recorder = new MeterRecorder(_hub.Services.GetRequiredService<HubMetrics>().Meter);
    }

    public async ValueTask DisposeAsync()
    {
        _recorder.Dispose();
        await _hub.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task ModelInfer_QueueFull_AnswersResourceExhaustedThenTheCanceledWaiterLeavesUnrun()
    {
        var ct = TestContext.Current.CancellationToken;
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waiting = _hub.Client.ModelInferAsync(MiniLmText.Request("A man is eating food."), cancellationToken: caller.Token).ResponseAsync;
        await Eventually.TrueAsync(() => QueueLength() == 1, "the first request is queued");

        var full = await Assert.ThrowsAsync<RpcException>(() =>
            _hub.Client.ModelInferAsync(MiniLmText.Request("The stock market crashed today.", length: 64), cancellationToken: ct).ResponseAsync);
        await caller.CancelAsync();

        Assert.Equal(StatusCode.ResourceExhausted, full.StatusCode);
        Assert.Contains("batching queue is full (1 requests waiting, max_queue_size 1)", full.Status.Detail, StringComparison.Ordinal);
        var canceled = await Assert.ThrowsAsync<RpcException>(() => waiting);
        Assert.Equal(StatusCode.Cancelled, canceled.StatusCode);
        await Eventually.TrueAsync(() => QueueLength() == 0, "the canceled request left the queue");
        Assert.Empty(_recorder.Values("edgecloud.hub.batch.size", "minilm"));
    }

    [Fact]
    public async Task ModelInfer_DeadlineParameterPassesWhileQueued_AnswersDeadlineExceededAndNeverRuns()
    {
        var request = MiniLmText.Request("A man is eating food.");
        request.Parameters[EdgeCloudParameters.DeadlineMs] = new InferParameter { Int64Param = 100 };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _hub.Client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Contains("deadline (100 ms) passed", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, QueueLength());
        Assert.Empty(_recorder.Values("edgecloud.hub.batch.size", "minilm"));
        Assert.Contains(_recorder.Tags("edgecloud.hub.request.failures"), t => Equals(t["code"], nameof(StatusCode.DeadlineExceeded)));
    }

    [Fact]
    public async Task ModelInfer_GrpcDeadlinePassesWhileQueued_AnswersDeadlineExceededAndLeavesTheQueue()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _hub.Client.ModelInferAsync(
            MiniLmText.Request("A man is eating food."),
            deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(300),
            cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await Eventually.TrueAsync(() => QueueLength() == 0, "the expired request left the queue");
        Assert.Empty(_recorder.Values("edgecloud.hub.batch.size", "minilm"));
    }

    [Fact]
    public async Task ModelInfer_BadDeadlineParameter_AnswersInvalidArgument()
    {
        var request = MiniLmText.Request("A man is eating food.");
        request.Parameters[EdgeCloudParameters.DeadlineMs] = new InferParameter { StringParam = "soon" };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _hub.Client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(0, QueueLength());
    }

    private int QueueLength()
    {
        var store = _hub.Services.GetRequiredService<ModelStore>();
        return store.TryGet("minilm", out var model) ? _hub.Services.GetRequiredService<ModelBatchers>().For(model)!.QueueLength : -1;
    }
}
