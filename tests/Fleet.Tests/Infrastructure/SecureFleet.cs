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
}
