namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>The names of the built-in <see cref="IBackendPolicy"/> implementations.</summary>
public static class BackendPolicies
{
    /// <summary>Each backend in turn.</summary>
    public const string RoundRobin = nameof(RoundRobin);

    /// <summary>Smooth weighted round-robin (nginx): exact proportions by <see cref="BackendState.Weight"/>.</summary>
    public const string WeightedRoundRobin = nameof(WeightedRoundRobin);

    /// <summary>The backend with the fewest requests in flight.</summary>
    public const string LeastOutstanding = nameof(LeastOutstanding);

    /// <summary>Two random backends, the less loaded of them. The default.</summary>
    public const string PowerOfTwoChoices = nameof(PowerOfTwoChoices);

    /// <summary>Consistent hashing of the affinity key (or model name) with bounded load.</summary>
    public const string ConsistentHashBoundedLoad = nameof(ConsistentHashBoundedLoad);

    /// <summary>Lowest peak-EWMA latency × (outstanding + 1).</summary>
    public const string EwmaLatency = nameof(EwmaLatency);

    /// <summary>Lowest weighted multi-factor score of the reported GPU and network metrics.</summary>
    public const string WeightedScore = nameof(WeightedScore);

    /// <summary>The policy used when none is named: <see cref="PowerOfTwoChoices"/>.</summary>
    public const string Default = PowerOfTwoChoices;
}
