namespace EdgeCloud.TestUtilities;

/// <summary>
/// The proxy's current mode and a signal raised on every change. Pumps ask it, before forwarding each
/// chunk, how long to wait; in <see cref="FaultProxyMode.Blackhole"/> it holds them until the mode changes.
/// </summary>
internal sealed class FaultProxyGate
{
    private readonly Lock _lock = new();
    private FaultProxyMode _mode = FaultProxyMode.Pass;
    private TimeSpan _latency;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FaultProxyMode Mode
    {
        get
        {
            lock (_lock)
            {
                return _mode;
            }
        }
    }

    public TimeSpan Latency
    {
        get
        {
            lock (_lock)
            {
                return _latency;
            }
        }
    }

    public void Set(FaultProxyMode mode, TimeSpan latency)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _mode = mode;
            _latency = latency;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits while the mode is <see cref="FaultProxyMode.Blackhole"/>, then returns the latency to add.</summary>
    public async ValueTask<TimeSpan> WaitToForwardAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_mode != FaultProxyMode.Blackhole)
                {
                    return _mode == FaultProxyMode.Delay ? _latency : TimeSpan.Zero;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
