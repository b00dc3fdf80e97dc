namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// Peak-EWMA balancing: the lowest <see cref="BackendState.EwmaLatencyMs"/> × (outstanding + 1).
/// Unsampled backends score zero, so they are tried first; ties go to fewer outstanding, then the first.
/// </summary>
internal sealed class EwmaLatencyPolicy : IBackendPolicy
{
    public string Name => BackendPolicies.EwmaLatency;

    public BackendState? Pick(RoutingContext context, IReadOnlyList<BackendState> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        BackendState? best = null;
        var bestScore = double.MaxValue;
        var bestOutstanding = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var outstanding = candidate.Outstanding;
            var score = candidate.EwmaLatencyMs * (outstanding + 1);
            if (score < bestScore || (score == bestScore && outstanding < bestOutstanding))
            {
                (best, bestScore, bestOutstanding) = (candidate, score, outstanding);
            }
        }

        return best;
    }
}
