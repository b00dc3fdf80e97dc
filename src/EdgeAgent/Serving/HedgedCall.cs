namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>
/// Runs a primary call and, if it has not finished after a delay, a hedge beside it; the first success
/// answers. The hedge winning does not cancel the primary: it runs on to its own timeout in the
/// background, so its outcome (a timeout, during a blackhole) still reaches the circuit breaker and the
/// link is judged by real calls. The caller's cancellation reaches the primary only while the caller waits.
/// </summary>
internal static class HedgedCall
{
    /// <param name="primary">Started at once, with a token the caller's cancellation reaches only while it waits.</param>
    /// <param name="hedge">Started once <paramref name="delay"/> has passed on <paramref name="timeProvider"/> without a primary outcome.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive.</exception>
    /// <remarks>
    /// A primary that fails before the delay fails the call (the hedge never starts, the caller decides what
    /// follows); once both run, a failure waits for the other, and when both fail the hedge's failure is thrown.
    /// </remarks>
    public static async Task<HedgeOutcome<T>> RunAsync<T>(
        Func<CancellationToken, Task<T>> primary,
        Func<CancellationToken, Task<T>> hedge,
        TimeSpan delay,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        var primaryCancel = new CancellationTokenSource();
        var primaryTask = primary(primaryCancel.Token);
        try
        {
            using var whileWaiting = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), primaryCancel);
            if (!await PrimaryFirstAsync(primaryTask, delay, timeProvider))
            {
                return await RaceAsync(primaryTask, hedge(cancellationToken));
            }

            return new(await primaryTask, HedgeStarted: false, HedgeAnswered: false);
        }
        finally
        {
            // Disposed only once the primary is done, after the caller's registration is gone.
            _ = primaryTask.ContinueWith(
                static (t, s) =>
                {
                    ((CancellationTokenSource)s!).Dispose();
                    _ = t.Exception; // observed: a background failure has been counted by the breaker already
                },
                primaryCancel, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<bool> PrimaryFirstAsync(Task primary, TimeSpan delay, TimeProvider timeProvider)
    {
        using var timer = new CancellationTokenSource();
        var due = Task.Delay(delay, timeProvider, timer.Token);
        if (await Task.WhenAny(primary, due) == primary)
        {
            await timer.CancelAsync(); // no timer left behind
            return true;
        }

        return false;
    }

    private static async Task<HedgeOutcome<T>> RaceAsync<T>(Task<T> primary, Task<T> hedge)
    {
        var winner = await Task.WhenAny(primary, hedge);
        if (!winner.IsCompletedSuccessfully)
        {
            var other = winner == primary ? hedge : primary;
            await ((Task)other).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Both failed: the hedge's failure is the answer (the primary's is what made the hedge run).
            winner = other.IsCompletedSuccessfully ? other : hedge;
        }

        if (winner == primary)
        {
            _ = hedge.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new(await winner, HedgeStarted: true, HedgeAnswered: winner == hedge);
    }
}
