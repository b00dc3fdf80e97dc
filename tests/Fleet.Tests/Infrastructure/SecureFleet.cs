using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Settings for a fleet hub with <c>Hub:Security</c> on: a bootstrap admin key the environment's admin client sends.</summary>
internal static class SecureFleet
{
    public static string AdminKey { get; } = "fleet-admin-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public static HubSetup Setup(string[] models, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Security:Enabled"] = "true",
            ["Hub:Security:BootstrapAdminKey"] = AdminKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new HubSetup(models, settings);
    }

    /// <summary>Creates an admin API key (an <c>eck_</c> bearer token, unlike the bootstrap key) through the hub's admin API.</summary>
    public static async Task<string> CreateAdminKeyAsync(FleetEnvironment fleet, string name = "cli")
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await fleet.Hub.Http.PostAsJsonAsync("/admin/v1/keys", new { name, roles = new[] { "admin" } }, ct);
        await AdminApi.EnsureAsync(created);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("key").GetString()!;
    }
}
