using System.Diagnostics.CodeAnalysis;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Resolves the registered <see cref="IBackendPolicy"/> implementations by name (case-insensitive).</summary>
public interface IBackendPolicyRegistry
{
    /// <summary>The names of the registered policies.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// The policy named <paramref name="name"/>; the default (<see cref="BackendPolicies.Default"/>)
    /// when it is null or empty.
    /// </summary>
    /// <exception cref="ArgumentException">No policy has that name.</exception>
    IBackendPolicy Get(string? name);

    /// <summary>The policy named <paramref name="name"/>, if one is registered.</summary>
    bool TryGet(string name, [NotNullWhen(true)] out IBackendPolicy? policy);
}
