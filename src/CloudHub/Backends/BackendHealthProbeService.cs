using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// Active health checks: probes every backend when <see cref="IActiveHealthTracker"/> says it is due
/// (<c>Hub:Routing:ActiveHealth:Interval</c>), waiting on the injected <see cref="TimeProvider"/>, and
/// records the results, which turn backends healthy or unhealthy after the configured run of probes.
/// </summary>
internal sealed class BackendHealthProbeService(
    RemoteBackendRegistry registry,
    IActiveHealthTracker tracker,
    IBackendProbe probe,
    TimeProvider time,
    ILogger<BackendHealthProbeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backends = registry.AllBackends;
        if (backends.Count == 0)
        {
            return;
        }

        var states = backends.Select(b => b.State).ToArray();
        var byState = backends.ToDictionary(b => b.State);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = tracker.GetDelayUntilNextProbe(states);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, stoppingToken);
                }

                var due = tracker.TakeDueForProbe(states);
                await Task.WhenAll(due.Select(state => ProbeAsync(byState[state], stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ProbeAsync(RemoteBackend backend, CancellationToken stoppingToken)
    {
        var before = backend.State.ActiveHealth;
        var healthy = await probe.ProbeAsync(backend, stoppingToken);
        tracker.RecordProbeResult(backend.State, healthy);
        var after = backend.State.ActiveHealth;
        if (after != before)
        {
            Log.HealthChanged(logger, backend.Model, backend.Id, before, after);
        }
    }
}
