namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Each candidate in turn, from one counter shared by all callers.</summary>
internal sealed class RoundRobinPolicy : IBackendPolicy
{
    private uint _counter = uint.MaxValue;

    public string Name => BackendPolicies.RoundRobin;

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

        var next = Interlocked.Increment(ref _counter);
        return candidates[(int)(next % (uint)candidates.Count)];
    }
}
