using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// One model version's dynamic batcher. Requests wait in one FIFO queue; whenever an instance is
/// idle, compatible requests (see <see cref="BatchKey"/>) are joined along dimension 0 as
/// <see cref="BatchSizer"/> decides, run once, and split back. The queue delay runs on the injected
/// <see cref="TimeProvider"/>. A full queue refuses with RESOURCE_EXHAUSTED; a request whose caller
/// gives up, or whose deadline passes, leaves the queue at once and never runs.
/// All state sits under one lock; runs happen outside it, on the thread pool.
/// </summary>
internal sealed partial class DynamicBatcher
{
    private readonly Lock _lock = new();
    private readonly LinkedList<PendingRequest> _queue = new();
    private readonly Stack<int> _idleInstances;
    private readonly IInstanceRunner _runner;
    private readonly long _maxElements;
    private readonly TimeProvider _time;
    private readonly HubMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Action<PendingRequest> _onCanceled;
    private readonly Action<PendingRequest> _onExpired;
    private long _timerDueAt = long.MaxValue;

    public DynamicBatcher(IInstanceRunner runner, BatchPolicy policy, long maxElements, TimeProvider time, HubMetrics metrics, ILogger logger)
    {
        _runner = runner;
        Policy = policy;
        _maxElements = maxElements;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _idleInstances = new Stack<int>(Enumerable.Range(0, runner.InstanceCount).Reverse());
        _timer = time.CreateTimer(static state => ((DynamicBatcher)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onCanceled = OnCanceled;
        _onExpired = OnExpired;
    }

    public BatchPolicy Policy { get; }

    public string Model => _runner.Info.Name;

    /// <summary>Requests waiting, not yet in a run.</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="request"/> for a batch and completes with its own response. Throws
    /// INVALID_ARGUMENT for a bad request, RESOURCE_EXHAUSTED when the queue is full; the task fails with
    /// DEADLINE_EXCEEDED when <paramref name="deadline"/> passes first, and is canceled with <paramref name="cancellationToken"/>.
    /// </summary>
    public Task<ModelInferResponse> InferAsync(ModelInferRequest request, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = BatchAdmission.Admit(request, _runner.Info, Policy.MaxBatchSize, _maxElements);
        item.Watch(_time.GetTimestamp(), deadline, _time, cancellationToken, _onCanceled, _onExpired);
        Exception? refused;
        List<Batch>? started = null;
        lock (_lock)
        {
            refused = Refusal_NeedsLock(item);
            if (refused is null)
            {
                _queue.AddLast(item.Node);
                _metrics.QueueDepthChanged(Model, 1);
                Dispatch_NeedsLock(ref started);
            }
        }

        Start(started);
        if (refused is not null)
        {
            item.Release();
            throw refused;
        }

        return item.Completion.Task;
    }

    private Exception? Refusal_NeedsLock(PendingRequest item)
    {
        if (item.CallerToken.IsCancellationRequested)
        {
            return new OperationCanceledException(item.CallerToken);
        }

        if (item.IsExpired(_time.GetTimestamp()))
        {
            return DeadlineExceeded(item);
        }

        if (Policy.MaxQueueSize > 0 && _queue.Count >= Policy.MaxQueueSize)
        {
            return new InferenceException(
                InferenceErrorCode.ResourceExhausted,
                $"model '{Model}': the batching queue is full ({_queue.Count} requests waiting, max_queue_size {Policy.MaxQueueSize}); " +
                "retry later, or raise dynamic_batching.max_queue_size or instance_count in its config.json");
        }

        return null;
    }

    private void OnCanceled(PendingRequest item)
    {
        if (TryRemove(item))
        {
            item.Completion.TrySetCanceled(item.CallerToken);
            item.Release();
        }
    }

    private void OnExpired(PendingRequest item)
    {
        if (TryRemove(item))
        {
            item.Completion.TrySetException(DeadlineExceeded(item));
            item.Release();
        }
    }

    private bool TryRemove(PendingRequest item)
    {
        lock (_lock)
        {
            return TryRemove_NeedsLock(item);
        }
    }

    private bool TryRemove_NeedsLock(PendingRequest item)
    {
        if (item.Node.List != _queue)
        {
            return false;
        }

        _queue.Remove(item.Node);
        _metrics.QueueDepthChanged(Model, -1);
        return true;
    }

    private InferenceException DeadlineExceeded(PendingRequest item) =>
        new(
            InferenceErrorCode.DeadlineExceeded,
            $"model '{Model}': the request's deadline ({item.Deadline?.TotalMilliseconds:0} ms) passed after " +
            $"{_time.GetElapsedTime(item.EnqueuedAt).TotalMilliseconds:0} ms in the batching queue, before it could run; " +
            "it was not run. Allow a longer edgecloud.deadline_ms or send less load");
}
