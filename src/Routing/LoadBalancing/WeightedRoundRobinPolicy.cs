using System.Runtime.CompilerServices;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// Smooth weighted round-robin as in nginx: each pick adds every weight to its backend's current
/// weight, takes the highest, and subtracts the total from it. Over one cycle of Σweights picks each
/// backend is chosen exactly weight times, interleaved. All zero weights count as equal.
/// </summary>
internal sealed class WeightedRoundRobinPolicy : IBackendPolicy
{
    private readonly Lock _lock = new();
    private readonly ConditionalWeakTable<BackendState, StrongBox<long>> _currentWeights = [];

    public string Name => BackendPolicies.WeightedRoundRobin;

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

        var allZero = AllWeightsZero(candidates);
        lock (_lock)
        {
            long total = 0;
            StrongBox<long>? best = null;
            BackendState? picked = null;
            foreach (var candidate in candidates)
            {
                var weight = allZero ? 1 : candidate.Weight;
                if (weight == 0)
                {
                    continue;
                }

                var current = _currentWeights.GetValue(candidate, static _ => new StrongBox<long>());
                current.Value += weight;
                total += weight;
                if (best is null || current.Value > best.Value)
                {
                    (best, picked) = (current, candidate);
                }
            }

            best!.Value -= total;
            return picked;
        }
    }

    private static bool AllWeightsZero(IReadOnlyList<BackendState> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Weight > 0)
            {
                return false;
            }
        }

        return true;
    }
}
