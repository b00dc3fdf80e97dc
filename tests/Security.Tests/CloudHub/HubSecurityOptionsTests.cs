using EdgeCloud.CloudHub;
using EdgeCloud.CloudHub.Security;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>A non-loopback bind is refused unauthenticated and allowed once security is on; bad security settings name their key.</summary>
public sealed class HubSecurityOptionsTests
{
    [Fact]
    public void BindAddress_NonLoopback_IsRefusedWithoutSecurity_AndAllowedWithIt()
    {
        var validator = new HubOptionsValidator();

        var off = validator.Validate(null, new HubOptions { BindAddress = "0.0.0.0" });
        var on = validator.Validate(null, new HubOptions { BindAddress = "0.0.0.0", Security = new HubSecurityOptions { Enabled = true } });

        Assert.True(off.Failed);
        Assert.Contains("Hub:BindAddress", off.FailureMessage, StringComparison.Ordinal);
        Assert.True(on.Succeeded);
    }

    [Fact]
    public void Security_ShortBootstrapKeyAndJwtWithoutAudience_AreEachNamed()
    {
        var options = new HubOptions
        {
            Security = new HubSecurityOptions { Enabled = true, BootstrapAdminKey = "tiny-secret", Jwt = new HubJwtOptions { Issuer = "https://id" } },
        };

        var result = new HubSecurityValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Hub:Security:BootstrapAdminKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hub:Security:Jwt:Audience", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-secret", result.FailureMessage, StringComparison.Ordinal);
    }
}
