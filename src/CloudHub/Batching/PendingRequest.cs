using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// One admitted request: checked and decoded, waiting in a <see cref="DynamicBatcher"/>'s queue or
/// running in a batch. Completed exactly once through <see cref="Completion"/>, then released.
/// </summary>
internal sealed class PendingRequest
{
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _deadlineRegistration;
    private CancellationTokenSource? _deadlineSource;
    private int _released;

    public PendingRequest(ModelInferRequest request, DecodedInputs inputs, string key, int rows, long elements)
    {
        Request = request;
        Inputs = inputs;
        Key = key;
        Rows = rows;
        Elements = elements;
        Node = new LinkedListNode<PendingRequest>(this);
    }

    public ModelInferRequest Request { get; }

    /// <summary>The request's inputs as ONNX Runtime values (raw contents pinned in place, typed ones converted).</summary>
    public DecodedInputs Inputs { get; }

    /// <summary>Requests with equal keys can share a run: same inputs, datatypes, dimensions after the first, and outputs.</summary>
    public string Key { get; }

    /// <summary>Its size along dimension 0.</summary>
    public int Rows { get; }

    /// <summary>Elements in its largest input, so a batch stays under the per-tensor limit.</summary>
    public long Elements { get; }

    public LinkedListNode<PendingRequest> Node { get; }

    public TaskCompletionSource<ModelInferResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long EnqueuedAt { get; private set; }

    public TimeSpan? Deadline { get; private set; }

    /// <summary>When <see cref="Deadline"/> passes, as a <see cref="TimeProvider"/> timestamp; <see cref="long.MaxValue"/> for none.</summary>
    public long DeadlineAt { get; private set; } = long.MaxValue;

    public CancellationToken CallerToken { get; private set; }

    public bool IsExpired(long now) => now >= DeadlineAt || (_deadlineSource?.IsCancellationRequested ?? false);

    /// <summary>Stamps its arrival and calls back when the caller gives up or the deadline passes.</summary>
    public void Watch(
        long now,
        TimeSpan? deadline,
        TimeProvider time,
        CancellationToken caller,
        Action<PendingRequest> onCanceled,
        Action<PendingRequest> onExpired)
    {
        EnqueuedAt = now;
        CallerToken = caller;
        if (deadline is { } delay)
        {
            Deadline = delay;
            DeadlineAt = Timestamps.Add(time, now, delay);
            _deadlineSource = new CancellationTokenSource(delay, time);
            _deadlineRegistration = _deadlineSource.Token.UnsafeRegister(
                static (state, _) => Invoke(state!),
                (onExpired, this));
        }

        if (caller.CanBeCanceled)
        {
            _callerRegistration = caller.UnsafeRegister(
                static (state, _) => Invoke(state!),
                (onCanceled, this));
        }
    }

    private static void Invoke(object state)
    {
        var (callback, item) = ((Action<PendingRequest>, PendingRequest))state;
        callback(item);
    }

    /// <summary>Drops the callbacks and the decoded inputs. Idempotent; call once the request has left the queue.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _callerRegistration.Unregister();
        _deadlineRegistration.Unregister();
        _deadlineSource?.Dispose();
        Inputs.Dispose();
    }
}
