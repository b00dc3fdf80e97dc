using System.Runtime.CompilerServices;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Health;

internal sealed class ActiveHealthTracker(IOptionsMonitor<ActiveHealthOptions> options, TimeProvider timeProvider)
    : IActiveHealthTracker
{
    private readonly ConditionalWeakTable<BackendState, ActiveHealthState> _states = [];

    public IReadOnlyList<BackendState> TakeDueForProbe(IReadOnlyList<BackendState> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var now = timeProvider.GetTimestamp();
        var interval = options.CurrentValue.Interval;
        List<BackendState>? due = null;
        foreach (var backend in backends)
        {
            if (GetState(backend).TryStartProbe(now, interval, timeProvider))
            {
                (due ??= []).Add(backend);
            }
        }

        return due ?? (IReadOnlyList<BackendState>)[];
    }

    public TimeSpan GetDelayUntilNextProbe(IReadOnlyList<BackendState> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var now = timeProvider.GetTimestamp();
        var interval = options.CurrentValue.Interval;
        var delay = interval;
        foreach (var backend in backends)
        {
            var dueIn = GetState(backend).DueIn(now, interval, timeProvider);
            delay = dueIn < delay ? dueIn : delay;
        }

        return delay;
    }

    public void RecordProbeResult(BackendState backend, bool healthy)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var current = options.CurrentValue;
        if (GetState(backend).Record(healthy, current.HealthyThreshold, current.UnhealthyThreshold) is { } health)
        {
            backend.ActiveHealth = health;
        }
    }

    private ActiveHealthState GetState(BackendState backend) =>
        _states.GetValue(backend, static _ => new ActiveHealthState());
}
