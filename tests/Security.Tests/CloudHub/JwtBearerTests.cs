using System.Security.Cryptography;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>JWTs from the configured issuer with the right audience, signature and lifetime are accepted; any other is refused.</summary>
public sealed class JwtBearerTests : IAsyncLifetime
{
    private const string Issuer = "https://id.example.test";
    private const string Audience = "edgecloud-hub";
    private readonly ECDsa _trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private SecureHub? _hub;

    private SecureHub Hub => _hub!;

    public async ValueTask InitializeAsync()
    {
        var keyPath = Path.Combine(Directory.CreateTempSubdirectory("edgecloud-jwt-").FullName, "issuer.pem");
        await File.WriteAllTextAsync(keyPath, _trusted.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        _hub = await SecureHub.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:Security:Jwt:Issuer"] = Issuer,
            ["Hub:Security:Jwt:Audience"] = Audience,
            ["Hub:Security:Jwt:SigningKeyPaths:0"] = keyPath,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _trusted.Dispose();
        _stranger.Dispose();
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "wrong issuer", "issuer" },
        { "wrong audience", "audience" },
        { "wrong signature", "signature" },
        { "expired", "expired" },
    };

    [Fact]
    public async Task Jwt_Valid_WithInferRole_IsAllowed()
    {
        var response = await CallAsync(Token(_trusted, Issuer, Audience, TimeSpan.FromMinutes(5), "infer"));

        Assert.Equal(SecureHub.Model, response.Name);
    }

    [Fact]
    public async Task Jwt_ValidWithoutTheRole_IsPermissionDenied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync(Token(_trusted, Issuer, Audience, TimeSpan.FromMinutes(5), "device")));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("jwt:alice", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Jwt_Bad_IsUnauthenticatedNamingTheCheck(string problem, string expectedInMessage)
    {
        var token = problem switch
        {
            "wrong issuer" => Token(_trusted, "https://evil.example.test", Audience, TimeSpan.FromMinutes(5), "infer"),
            "wrong audience" => Token(_trusted, Issuer, "someone-else", TimeSpan.FromMinutes(5), "infer"),
            "wrong signature" => Token(_stranger, Issuer, Audience, TimeSpan.FromMinutes(5), "infer"),
            _ => Token(_trusted, Issuer, Audience, TimeSpan.FromMinutes(-10), "infer"),
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(expectedInMessage, ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Hub.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    private async Task<ModelMetadataResponse> CallAsync(string token)
    {
        using var channel = Hub.Channel();
        return await Hub.Client(channel).ModelMetadataAsync(
            new ModelMetadataRequest { Name = SecureHub.Model }, new Metadata { { "authorization", $"Bearer {token}" } });
    }

    private static string Token(ECDsa key, string issuer, string audience, TimeSpan expiresIn, string role)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-30),
            NotBefore = now.AddMinutes(-30),
            Expires = now + expiresIn,
            Claims = new Dictionary<string, object> { ["sub"] = "alice", ["roles"] = new[] { role } },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256),
        });
    }
}
