using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Security;

/// <summary>One kind of credential (API key, JWT, client certificate, device secret).</summary>
public interface ICallerAuthenticator
{
    /// <summary>Never throws for a bad credential: answers <see cref="AuthenticationOutcome.Fail"/> with a reason that names no secret.</summary>
    ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context);
}
