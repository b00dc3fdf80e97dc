namespace EdgeCloud.CloudHub.Batching;

/// <summary>Forming batches: which requests run next, and when to look again.</summary>
internal sealed partial class DynamicBatcher
{
    private const int MaxFinalSpins = 20_000;
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(1);

    /// <summary>Starts every batch that is ready while instances are idle; otherwise arms the timer for the next queue delay.</summary>
    private void Dispatch_NeedsLock(ref List<Batch>? started)
    {
        while (_idleInstances.Count > 0 && _queue.Count > 0)
        {
            var now = _time.GetTimestamp();
            DropGone_NeedsLock(now);
            var items = NextBatch_NeedsLock(now, out var wakeAt);
            if (items is null)
            {
                Arm_NeedsLock(wakeAt, now);
                return;
            }

            foreach (var item in items)
            {
                _queue.Remove(item.Node);
            }

            _metrics.QueueDepthChanged(Model, -items.Count);
            (started ??= []).Add(new Batch(items, _idleInstances.Pop(), now));
        }
    }

    /// <summary>
    /// The first ready batch, looking at each group of compatible requests in order of its oldest;
    /// null when none is ready, with <paramref name="wakeAt"/> the earliest time one will be.
    /// </summary>
    private List<PendingRequest>? NextBatch_NeedsLock(long now, out long wakeAt)
    {
        wakeAt = long.MaxValue;
        HashSet<string>? seen = null;
        for (var node = _queue.First; node is not null; node = node.Next)
        {
            var head = node.Value;
            if (seen is not null && seen.Contains(head.Key))
            {
                continue;
            }

            var (items, rows, full) = Gather_NeedsLock(node);
            var due = Timestamps.Add(_time, head.EnqueuedAt, Policy.MaxQueueDelay);
            var take = BatchSizer.Take(rows, full, Policy, delayExpired: now >= due);
            if (take > 0)
            {
                return take == items.Count ? items : items.GetRange(0, take);
            }

            wakeAt = Math.Min(wakeAt, due);
            (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(head.Key);
        }

        return null;
    }

    /// <summary>The requests compatible with <paramref name="first"/>, oldest first, as many as fit one run.</summary>
    private (List<PendingRequest> Items, List<int> Rows, bool Full) Gather_NeedsLock(LinkedListNode<PendingRequest> first)
    {
        var items = new List<PendingRequest>();
        var rows = new List<int>();
        long totalRows = 0;
        long elements = 0;
        for (var node = first; node is not null; node = node.Next)
        {
            var item = node.Value;
            if (!string.Equals(item.Key, first.Value.Key, StringComparison.Ordinal))
            {
                continue;
            }

            if (totalRows + item.Rows > Policy.MaxBatchSize || elements + item.Elements > _maxElements)
            {
                return (items, rows, true);
            }

            items.Add(item);
            rows.Add(item.Rows);
            totalRows += item.Rows;
            elements += item.Elements;
        }

        return (items, rows, false);
    }

    /// <summary>Fails the requests whose caller left or whose deadline passed before their callbacks did.</summary>
    private void DropGone_NeedsLock(long now)
    {
        var node = _queue.First;
        while (node is not null)
        {
            var next = node.Next;
            var item = node.Value;
            if (item.CallerToken.IsCancellationRequested || item.IsExpired(now))
            {
                TryRemove_NeedsLock(item);
                if (item.CallerToken.IsCancellationRequested)
                {
                    item.Completion.TrySetCanceled(item.CallerToken);
                }
                else
                {
                    item.Completion.TrySetException(DeadlineExceeded(item));
                }

                item.Release();
            }

            node = next;
        }
    }

    private void Arm_NeedsLock(long wakeAt, long now)
    {
        if (wakeAt == long.MaxValue || wakeAt >= _timerDueAt)
        {
            return;
        }

        _timerDueAt = wakeAt;
        var delay = wakeAt <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, wakeAt);
        _timer.Change(delay > TimerResolution ? delay - TimerResolution : delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        long due;
        lock (_lock)
        {
            due = _timerDueAt;
        }

        WaitOutLastStretch(due);
        List<Batch>? started = null;
        lock (_lock)
        {
            _timerDueAt = long.MaxValue;
            Dispatch_NeedsLock(ref started);
        }

        Start(started);
    }

    /// <summary>
    /// The system timer counts whole milliseconds and fires up to one late: at a 2 ms queue delay that is +50 %.
    /// So it is armed <see cref="TimerResolution"/> early and the rest is waited out here, yielding the core. The wait
    /// is bounded in iterations, not by the clock, so a clock that does not move (a test's) cannot hold it.
    /// </summary>
    private void WaitOutLastStretch(long due)
    {
        if (due == long.MaxValue || _time.GetElapsedTime(_time.GetTimestamp(), due) > TimerResolution)
        {
            return;
        }

        var spinner = default(SpinWait);
        for (var i = 0; i < MaxFinalSpins && _time.GetTimestamp() < due; i++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
