using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace EdgeCloud.Routing.LoadBalancing;

internal sealed class BackendPolicyRegistry : IBackendPolicyRegistry
{
    private readonly FrozenDictionary<string, IBackendPolicy> _policies;
    private readonly IBackendPolicy _default;

    public BackendPolicyRegistry(IEnumerable<IBackendPolicy> policies)
    {
        var byName = new Dictionary<string, IBackendPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var policy in policies)
        {
            if (!byName.TryAdd(policy.Name, policy))
            {
                throw new ArgumentException($"Two backend policies are named '{policy.Name}'.", nameof(policies));
            }
        }

        _policies = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _default = _policies.GetValueOrDefault(BackendPolicies.Default)
            ?? throw new ArgumentException($"The default backend policy '{BackendPolicies.Default}' is not registered.", nameof(policies));
    }

    public IReadOnlyCollection<string> Names => _policies.Keys;

    public IBackendPolicy Get(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return _default;
        }

        return _policies.GetValueOrDefault(name)
            ?? throw new ArgumentException($"No backend policy is named '{name}'. Known: {string.Join(", ", _policies.Keys)}.", nameof(name));
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IBackendPolicy? policy) =>
        _policies.TryGetValue(name, out policy);
}
