using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Health;

/// <summary>
/// Passive health: watches the outcomes of real requests and ejects a backend whose failure rate
/// over a sliding window is too high, for a reactivation period (see <see cref="PassiveHealthOptions"/>).
/// Keeps <see cref="BackendState.FailureRate"/> and <see cref="BackendState.IsEjected"/> up to date. Thread-safe.
/// </summary>
public interface IPassiveHealthPolicy
{
    /// <summary>Records how a request to <paramref name="backend"/> ended.</summary>
    void RecordOutcome(BackendState backend, RequestOutcome outcome);
}
