namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>What a <see cref="IBackendPolicy"/> may know about the request it places.</summary>
/// <param name="ModelName">The requested model.</param>
/// <param name="AffinityKey">An optional key (session, tenant) that should stick to one backend.</param>
public sealed record RoutingContext(string ModelName, string? AffinityKey = null)
{
    /// <summary>The key that consistent hashing places: the affinity key, else the model name.</summary>
    public string HashKey => AffinityKey ?? ModelName;
}
