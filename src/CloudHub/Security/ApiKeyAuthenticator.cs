using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>An API key in <c>x-api-key</c>, or in <c>Authorization: Bearer eck_…</c> (what Prometheus and most clients can send).</summary>
internal sealed class ApiKeyAuthenticator(ApiKeyStore keys) : ICallerAuthenticator
{
    public const string Header = "x-api-key";

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer " + ApiKeys.Prefix, StringComparison.Ordinal))
            {
                key = authorization["Bearer ".Length..].Trim();
            }
        }

        return ValueTask.FromResult(key.Length == 0 ? AuthenticationOutcome.NotPresented : keys.Authenticate(key));
    }
}
