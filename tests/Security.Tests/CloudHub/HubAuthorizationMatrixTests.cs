using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>Each role (and no credential) against each RPC and endpoint of the hub: allowed or refused as designed.</summary>
public sealed class HubAuthorizationMatrixTests(SecureHubFixture fixture) : IClassFixture<SecureHubFixture>
{
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in HubCalls.All.Keys)
        {
            foreach (var credential in new[] { "none", SecurityRoles.Infer, SecurityRoles.Device, SecurityRoles.Admin })
            {
                data.Add(call, credential);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_WithCredentialOfRole_IsAllowedOrRefusedAsDesigned(string call, string credential)
    {
        var (role, invoke) = HubCalls.All[call];
        var expected = role is null ? Outcome.Allowed
            : credential == "none" ? Outcome.Unauthenticated
            : credential == role ? Outcome.Allowed
            : Outcome.PermissionDenied;

        var actual = await invoke(fixture.Hub, credential == "none" ? null : fixture.Keys[credential]);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Call_WithUnknownKey_IsUnauthenticated()
    {
        var (_, infer) = HubCalls.All["grpc ModelInfer"];
        var (_, rest) = HubCalls.All["GET /v2"];

        Assert.Equal(Outcome.Unauthenticated, await infer(fixture.Hub, "eck_0123456789ab_not-a-real-secret-at-all"));
        Assert.Equal(Outcome.Unauthenticated, await rest(fixture.Hub, "garbage"));
    }
}
