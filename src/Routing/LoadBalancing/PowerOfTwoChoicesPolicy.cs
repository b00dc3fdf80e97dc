namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Two distinct random candidates, the one with fewer requests in flight (the first on a tie).</summary>
internal sealed class PowerOfTwoChoicesPolicy(IRandomSource random) : IBackendPolicy
{
    public string Name => BackendPolicies.PowerOfTwoChoices;

    public BackendState? Pick(RoutingContext context, IReadOnlyList<BackendState> candidates)
    {
        var count = candidates.Count;
        if (count == 0)
        {
            return null;
        }

        if (count == 1)
        {
            return candidates[0];
        }

        var firstIndex = random.Next(count);
        var secondIndex = random.Next(count - 1);
        if (secondIndex >= firstIndex)
        {
            secondIndex++;
        }

        var first = candidates[firstIndex];
        var second = candidates[secondIndex];
        return second.Outstanding < first.Outstanding ? second : first;
    }
}
