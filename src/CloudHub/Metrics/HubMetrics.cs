using System.Diagnostics.Metrics;

namespace EdgeCloud.CloudHub.Metrics;

/// <summary>
/// The hub's per-model instruments on the <c>EdgeCloud.Hub</c> meter, exported at <c>/metrics</c>
/// (Prometheus names: <c>edgecloud_hub_requests_total</c>, <c>edgecloud_hub_request_failures_total</c>,
/// <c>edgecloud_hub_queue_duration_seconds</c>, <c>edgecloud_hub_compute_duration_seconds</c>,
/// <c>edgecloud_hub_batch_size</c>, <c>edgecloud_hub_queue_depth</c>, <c>edgecloud_hub_backend_requests_total</c>).
/// </summary>
internal sealed class HubMetrics
{
    public const string MeterName = "EdgeCloud.Hub";

    /// <summary>The model tag of a request for a model the hub does not serve, so clients cannot grow the tag set.</summary>
    public const string UnknownModel = "_unknown";

    private static readonly double[] SecondsBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _queueDuration;
    private readonly Histogram<double> _computeDuration;
    private readonly Histogram<int> _batchSize;
    private readonly UpDownCounter<int> _queueDepth;
    private readonly Counter<long> _backendRequests;

    public HubMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _requests = Meter.CreateCounter<long>("edgecloud.hub.requests", "{request}", "Inference requests received, per model.");
        _failures = Meter.CreateCounter<long>("edgecloud.hub.request.failures", "{request}", "Inference requests that failed, per model and gRPC status code.");
        _queueDuration = Meter.CreateHistogram(
            "edgecloud.hub.queue.duration", "s", "Time a request waited in its model's batching queue.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _computeDuration = Meter.CreateHistogram(
            "edgecloud.hub.compute.duration", "s", "Time one model run took: a whole batch, or one unbatched request.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _batchSize = Meter.CreateHistogram(
            "edgecloud.hub.batch.size", "{request}", "Requests joined into one batched run.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _queueDepth = Meter.CreateUpDownCounter<int>("edgecloud.hub.queue.depth", "{request}", "Requests waiting in batching queues, per model.");
        _backendRequests = Meter.CreateCounter<long>(
            "edgecloud.hub.backend.requests", "{request}", "Attempts forwarded to remote backends, per model, backend and outcome.");
    }

    public Meter Meter { get; }

    public void RequestReceived(string model) => _requests.Add(1, Model(model));

    public void RequestFailed(string model, string code) =>
        _failures.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("code", code));

    public void Queued(string model, TimeSpan waited) => _queueDuration.Record(waited.TotalSeconds, Model(model));

    public void Computed(string model, TimeSpan elapsed) => _computeDuration.Record(elapsed.TotalSeconds, Model(model));

    public void Batched(string model, int requests) => _batchSize.Record(requests, Model(model));

    public void QueueDepthChanged(string model, int delta) => _queueDepth.Add(delta, Model(model));

    public void BackendAttempt(string model, string backend, string outcome) =>
        _backendRequests.Add(
            1,
            new KeyValuePair<string, object?>("model", model),
            new KeyValuePair<string, object?>("backend", backend),
            new KeyValuePair<string, object?>("outcome", outcome));

    private static KeyValuePair<string, object?> Model(string model) => new("model", model);
}
