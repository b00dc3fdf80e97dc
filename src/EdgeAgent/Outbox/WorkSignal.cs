namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>An auto-reset signal: <see cref="Set"/> wakes one waiter, or the next one if none waits.</summary>
internal sealed class WorkSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread set it first; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits until set or until <paramref name="timeout"/> passes on <paramref name="timeProvider"/>; true when set.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_semaphore.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _semaphore.WaitAsync(both.Token);
        var delay = Task.Delay(timeout, timeProvider, both.Token);
        var first = await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await both.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == signalled)
        {
            return true;
        }

        try
        {
            await signalled.ConfigureAwait(false); // it may have been set just as the delay ran out
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
