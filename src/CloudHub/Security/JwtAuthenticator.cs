using EdgeCloud.Shared.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// A JWT in <c>Authorization: Bearer</c>, validated by the JwtBearer handler (issuer, audience, signature,
/// lifetime). Roles come from the configured claim; the refusal says which check failed, never the token.
/// </summary>
internal sealed class JwtAuthenticator(string roleClaim) : ICallerAuthenticator
{
    public const string Scheme = "EdgeCloudJwt";

    /// <summary>The claim naming the device a token speaks for (event ingest accepts only that device's events).</summary>
    public const string DeviceClaim = "device";

    public async ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.StartsWith("Bearer " + ApiKeys.Prefix, StringComparison.Ordinal))
        {
            return AuthenticationOutcome.NotPresented;
        }

        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return AuthenticationOutcome.Fail("the bearer token was refused: " + Reason(result.Failure));
        }

        var roles = principal.FindAll(roleClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(SecurityRoles.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        var subject = principal.FindFirst("sub")?.Value ?? "unknown";
        return AuthenticationOutcome.Success(new Caller($"jwt:{subject}", roles, principal.FindFirst(DeviceClaim)?.Value));
    }

    private static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidIssuerException => "its issuer is not the configured Hub:Security:Jwt:Issuer",
        SecurityTokenInvalidAudienceException => "its audience is not the configured Hub:Security:Jwt:Audience",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify with any configured signing key",
        null => "no JWT validation is configured (Hub:Security:Jwt:Issuer)",
        _ => "it is malformed or otherwise invalid",
    };
}
