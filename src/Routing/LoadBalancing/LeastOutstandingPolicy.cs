namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>The candidate with the fewest requests in flight; the first such on a tie.</summary>
internal sealed class LeastOutstandingPolicy : IBackendPolicy
{
    public string Name => BackendPolicies.LeastOutstanding;

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

        var best = candidates[0];
        var bestOutstanding = best.Outstanding;
        for (var i = 1; i < candidates.Count; i++)
        {
            var outstanding = candidates[i].Outstanding;
            if (outstanding < bestOutstanding)
            {
                (best, bestOutstanding) = (candidates[i], outstanding);
            }
        }

        return best;
    }
}
