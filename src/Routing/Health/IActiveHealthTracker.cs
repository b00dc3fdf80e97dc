using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Health;

/// <summary>
/// Schedules active health probes and turns their results into <see cref="BackendState.ActiveHealth"/>.
/// The host sends the probes (e.g. KServe v2 <c>ServerReady</c>) from a loop that waits
/// <see cref="GetDelayUntilNextProbe"/> on its <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public interface IActiveHealthTracker
{
    /// <summary>
    /// The backends due for a probe: never probed, or last probed at least
    /// <see cref="ActiveHealthOptions.Interval"/> ago. Each returned backend is stamped as probed now,
    /// so it is not due again for one interval.
    /// </summary>
    IReadOnlyList<BackendState> TakeDueForProbe(IReadOnlyList<BackendState> backends);

    /// <summary>How long until the next of <paramref name="backends"/> is due; zero when one is due now.</summary>
    TimeSpan GetDelayUntilNextProbe(IReadOnlyList<BackendState> backends);

    /// <summary>
    /// Records a probe's result. After <see cref="ActiveHealthOptions.HealthyThreshold"/> consecutive
    /// successes the backend turns healthy; after <see cref="ActiveHealthOptions.UnhealthyThreshold"/>
    /// consecutive failures, unhealthy.
    /// </summary>
    void RecordProbeResult(BackendState backend, bool healthy);
}
