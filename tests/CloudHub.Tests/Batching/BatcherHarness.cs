using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>A <see cref="DynamicBatcher"/> over an <see cref="EchoRunner"/> on fake time.</summary>
internal sealed class BatcherHarness : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    public BatcherHarness(
        int maxBatchSize = 8, int delayMs = 2, int[]? preferred = null, int maxQueueSize = 100, int instances = 1, long maxElements = 1 << 20)
    {
        Runner = new EchoRunner(instances);
        Metrics = new HubMetrics(_meters);
        Recorder = new MeterRecorder(Metrics.Meter);
        Batcher = new DynamicBatcher(
            Runner,
            new BatchPolicy(maxBatchSize, TimeSpan.FromMilliseconds(delayMs), preferred ?? [], maxQueueSize),
            maxElements,
            Time,
            Metrics,
            NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public EchoRunner Runner { get; }

    public HubMetrics Metrics { get; }

    public MeterRecorder Recorder { get; }

    public DynamicBatcher Batcher { get; }

    public Task<Protocol.ModelInferResponse> Send(float first, int rows = 1, int width = 3, bool raw = true, TimeSpan? deadline = null, string id = "") =>
        Batcher.InferAsync(EchoModel.Request(first, rows, width, raw, id), deadline, CancellationToken.None);

    public Task<Protocol.ModelInferResponse> SendCancelable(float first, CancellationToken caller) =>
        Batcher.InferAsync(EchoModel.Request(first), deadline: null, caller);

    public void Dispose()
    {
        Recorder.Dispose();
        _meters.Dispose();
    }
}
