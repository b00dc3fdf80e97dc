using System.Security.Cryptography;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>An API key in <c>x-api-key</c> or <c>Authorization: Bearer</c>, accepted when its sha256 is in <c>Agent:Security:ApiKeyHashes</c>.</summary>
internal sealed class HashedApiKeyAuthenticator(IReadOnlyList<byte[]> hashes) : ICallerAuthenticator
{
    private static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal) { SecurityRoles.Infer };

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        var key = context.Request.Headers["x-api-key"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        if (key.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            key = authorization["Bearer ".Length..].Trim();
        }

        if (key.Length == 0)
        {
            return ValueTask.FromResult(AuthenticationOutcome.NotPresented);
        }

        var hash = ApiKeys.Hash(key);
        for (var i = 0; i < hashes.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, hashes[i]))
            {
                return ValueTask.FromResult(AuthenticationOutcome.Success(new Caller($"key:#{i}", Roles)));
            }
        }

        return ValueTask.FromResult(AuthenticationOutcome.Fail("the API key is not valid on this device"));
    }
}
