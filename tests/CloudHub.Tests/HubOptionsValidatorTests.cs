namespace EdgeCloud.CloudHub.Tests;

public sealed class HubOptionsValidatorTests
{
    private readonly HubOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new HubOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NonLoopbackWithoutAuthentication_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new HubOptions { BindAddress = "0.0.0.0" });

        Assert.True(result.Failed);
        Assert.Contains("Hub:BindAddress: 0.0.0.0 is not a loopback address", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonLoopbackExplicitlyAllowed_Succeeds()
    {
        Assert.True(_validator.Validate(null, new HubOptions { BindAddress = "0.0.0.0", AllowUnauthenticatedRemote = true }).Succeeded);
    }

    [Fact]
    public void Validate_EveryProblem_IsListed()
    {
        var result = _validator.Validate(null, new HubOptions { BindAddress = "localhost-ish", GrpcPort = 9000, HttpPort = 9000 });

        Assert.Contains("expected an IP address such as 127.0.0.1, got 'localhost-ish'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hub:GrpcPort and Hub:HttpPort are both 9000", result.FailureMessage, StringComparison.Ordinal);
    }
}
