using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Serving;
using EdgeCloud.Routing;
using EdgeCloud.Shared.Protocol;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using RoutingCircuitState = EdgeCloud.Routing.CircuitBreaking.CircuitState;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>
/// Runs deferred jobs in acceptance order, one at a time, through the cloud client (its retries and
/// circuit breaker included). While the link is down it backs off, waking early as soon as
/// <see cref="CloudClient.Link"/> reports the link closed again; each attempt is itself a real
/// probe of the link. A job the hub judges (bad input, unknown model) fails with the hub's message;
/// a link failure never fails a job.
/// </summary>
internal sealed class DeferredJobRunner(
    DeferredJobStore store,
    CloudClient cloud,
    HubReachability reachability,
    IRandomSource random,
    TimeProvider timeProvider,
    ILogger<DeferredJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan LinkWatchInterval = TimeSpan.FromMilliseconds(250);
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan? backoff;
                try
                {
                    backoff = await StepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    backoff = NextDelay();
                    Log.StepFailed(logger, backoff.Value, ex);
                }

                if (backoff is { } delay)
                {
                    await WaitForLinkAsync(delay, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: pending jobs stay stored and run after the next start.
        }
    }

    /// <summary>Runs the oldest pending job; null to go on at once, else how long to wait. Internal for tests.</summary>
    internal async Task<TimeSpan?> StepAsync(CancellationToken cancellationToken)
    {
        if (store.NextPending() is not { } job)
        {
            await store.PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
            await store.Accepted.WaitAsync(store.Options.IdlePollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            var response = await cloud.InferAsync(job.Request, budget: null, cancellationToken).ConfigureAwait(false);
            reachability.Succeeded();
            ResponseMarks.Served(response, EdgeCloudParameters.ServedByCloud, degraded: false);
            await store.CompleteAsync(job.Id, response, cancellationToken).ConfigureAwait(false);
            Log.JobSucceeded(logger, job.Id, job.Request.ModelName);
            _failures = 0;
            return null;
        }
        catch (RpcException ex) when (!CloudLinkFailures.IsLinkFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            reachability.Succeeded();
            await store.FailAsync(job.Id, $"the cloud answered {ex.StatusCode}: {ex.Status.Detail}", cancellationToken).ConfigureAwait(false);
            Log.JobFailed(logger, job.Id, job.Request.ModelName, ex.StatusCode, ex.Status.Detail);
            return null;
        }
        catch (Exception ex) when (ex is BrokenCircuitException or RpcException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            if (ex is not BrokenCircuitException)
            {
                reachability.Failed();
            }

            var delay = NextDelay();
            Log.LinkDown(logger, job.Id, delay, ex.Message);
            return delay;
        }
    }

    private async Task WaitForLinkAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        for (var left = delay; left > TimeSpan.Zero; left = delay - timeProvider.GetElapsedTime(started))
        {
            await Task.Delay(left < LinkWatchInterval ? left : LinkWatchInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            if (reachability.Reachable && cloud.Link.Current == RoutingCircuitState.Closed)
            {
                return; // other traffic shows the link is back: try now
            }
        }
    }

    private TimeSpan NextDelay() =>
        RetryBackoff.Delay(++_failures, store.Options.RetryMinDelay, store.Options.RetryMaxDelay, random);
}
