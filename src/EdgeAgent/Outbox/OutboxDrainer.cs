using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Routing;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// Sends the outbox to the hub in order, one batch at a time, and forgets each event only once the
/// hub acknowledged storing it. Failures back off exponentially on <see cref="TimeProvider"/>;
/// while idle it sleeps until an append (or <see cref="OutboxOptions.IdlePollInterval"/>) and
/// drops events past their age meanwhile. With nothing to send it publishes an empty batch (a
/// heartbeat) every <see cref="OutboxOptions.IdlePollInterval"/>, so connectivity is judged from
/// real calls within seconds even without traffic (<see cref="HubReachability"/>). When the hub refuses the
/// agent's credential (UNAUTHENTICATED or PERMISSION_DENIED), that is audited once per refusal streak.
/// </summary>
internal sealed class OutboxDrainer(
    SqliteOutbox outbox,
    IEventPublisher publisher,
    HubReachability reachability,
    IRandomSource random,
    TimeProvider timeProvider,
    ILogger<OutboxDrainer> logger,
    AgentAuditTrail? audit = null) : BackgroundService
{
    private int _failures;
    private bool _credentialRefused;
    private long _lastCall = long.MinValue;

    /// <summary>Consecutive failed publishes (0 while the hub accepts them).</summary>
    public int ConsecutiveFailures => Volatile.Read(ref _failures);

    /// <summary>The last publish failure, for the outbox status endpoint; null once a publish succeeds.</summary>
    public string? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!publisher.IsConfigured)
        {
            Log.NoHub(logger);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await StepGuardedAsync(stoppingToken).ConfigureAwait(false);
                if (next.Backoff is { } backoff)
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                else if (next.Idle)
                {
                    await outbox.Appended.WaitAsync(outbox.Options.IdlePollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or disposed without a stop): what is queued stays in the outbox for the next start.
        }
    }

    /// <summary>One drain step: purge by age, then send one batch. Internal for tests.</summary>
    internal async Task<DrainStep> StepAsync(CancellationToken cancellationToken)
    {
        await outbox.PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
        if (!publisher.IsConfigured)
        {
            return DrainStep.Idling;
        }

        var batch = outbox.ReadBatch();
        if (batch.Count == 0 && _lastCall != long.MinValue && timeProvider.GetElapsedTime(_lastCall) < outbox.Options.IdlePollInterval)
        {
            return DrainStep.Idling;
        }

        IReadOnlySet<string> stored;
        try
        {
            _lastCall = timeProvider.GetTimestamp();
            stored = await publisher.PublishAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            reachability.Failed();
            await AuditRefusalAsync(ex, cancellationToken).ConfigureAwait(false);
            return Failed(batch.Count, ex.Message);
        }

        _credentialRefused = false;
        reachability.Succeeded();
        if (batch.Count == 0)
        {
            Recovered();
            return DrainStep.Idling; // heartbeat answered
        }

        await outbox.AcknowledgeAsync(batch, stored, cancellationToken).ConfigureAwait(false);
        Recovered();
        var missing = batch.Count(e => !stored.Contains(e.Id));
        if (missing > 0)
        {
            Log.PartiallyStored(logger, batch.Count - missing, batch.Count);
            return Failed(batch.Count, $"the hub stored {batch.Count - missing} of {batch.Count} events");
        }

        return DrainStep.Continue;
    }

    private async Task<DrainStep> StepGuardedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A storage error: never drop anything for it, just try again later.
            var delay = NextDelay();
            Log.DrainStepFailed(logger, delay, ex);
            return DrainStep.After(delay);
        }
    }

    private async Task AuditRefusalAsync(Exception ex, CancellationToken cancellationToken)
    {
        if (audit is null || _credentialRefused || ex is not RpcException { StatusCode: StatusCode.Unauthenticated or StatusCode.PermissionDenied } refused)
        {
            return;
        }

        _credentialRefused = true;
        await audit.RecordAsync(AgentAuditActions.CredentialRejected, publisher.Endpoint, $"{refused.StatusCode}: {refused.Status.Detail}", cancellationToken).ConfigureAwait(false);
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _failures) > 0)
        {
            Log.PublishRecovered(logger, publisher.Endpoint, outbox.Stats.PendingEvents);
        }

        Volatile.Write(ref _failures, 0);
        LastError = null;
    }

    private DrainStep Failed(int count, string reason)
    {
        var delay = NextDelay();
        LastError = reason;
        Log.PublishFailed(logger, count, publisher.Endpoint, Volatile.Read(ref _failures), delay, reason);
        return DrainStep.After(delay);
    }

    private TimeSpan NextDelay()
    {
        var failures = Interlocked.Increment(ref _failures);
        return RetryBackoff.Delay(failures, outbox.Options.RetryMinDelay, outbox.Options.RetryMaxDelay, random);
    }
}
