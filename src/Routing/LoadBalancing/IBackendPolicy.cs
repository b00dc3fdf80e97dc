namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// A named load-balancing strategy (see <see cref="BackendPolicies"/>), resolved through
/// <see cref="IBackendPolicyRegistry"/>. Implementations are thread-safe singletons.
/// </summary>
public interface IBackendPolicy
{
    /// <summary>The policy's name, one of <see cref="BackendPolicies"/> for the built-in ones.</summary>
    string Name { get; }

    /// <summary>
    /// Picks one of <paramref name="candidates"/>, which the caller has already filtered to available
    /// backends (see <see cref="BackendState.IsAvailable"/>); <see langword="null"/> when there is none.
    /// </summary>
    BackendState? Pick(RoutingContext context, IReadOnlyList<BackendState> candidates);
}
