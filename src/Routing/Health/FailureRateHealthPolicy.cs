using System.Runtime.CompilerServices;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Health;

/// <summary>
/// YARP's <c>TransportFailureRateHealthPolicy</c>: a backend whose failure rate over the detection
/// window exceeds the limit, with at least the minimum requests seen, is ejected for the
/// reactivation period and its history starts afresh. Caller cancellations are ignored.
/// </summary>
internal sealed class FailureRateHealthPolicy(IOptionsMonitor<PassiveHealthOptions> options, TimeProvider timeProvider)
    : IPassiveHealthPolicy
{
    private readonly ConditionalWeakTable<BackendState, RequestHistory> _histories = [];

    public void RecordOutcome(BackendState backend, RequestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (outcome == RequestOutcome.CallerCanceled)
        {
            return;
        }

        var current = options.CurrentValue;
        var history = _histories.GetValue(backend, static _ => new RequestHistory());
        var (total, failureRate) = history.Add(outcome == RequestOutcome.Failure, current.DetectionWindow, timeProvider);
        backend.FailureRate = failureRate;
        if (total >= current.MinimumRequests && failureRate > current.FailureRateLimit)
        {
            backend.EjectFor(current.ReactivationPeriod);
            history.Clear();
        }
    }
}
