using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>One secure hub for a test class, with one API key per role.</summary>
public sealed class SecureHubFixture : IAsyncLifetime
{
    private SecureHub? _hub;

    public SecureHub Hub => _hub ?? throw new InvalidOperationException("the hub has not started");

    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        _hub = await SecureHub.StartAsync();
        foreach (var role in SecurityRoles.All)
        {
            Keys[role] = (await AdminApi.CreateKeyAsync(_hub, SecureHub.BootstrapKey, [role])).Key;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
