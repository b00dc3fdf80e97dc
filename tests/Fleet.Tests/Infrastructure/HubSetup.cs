namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>What a fleet test's hub loads (real models from models/repo) and any extra <c>Hub:</c> settings.</summary>
public sealed record HubSetup(string[] Models, IDictionary<string, string?>? Settings = null)
{
    public HubSetup()
        : this([])
    {
    }
}
