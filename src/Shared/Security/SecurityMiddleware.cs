using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// Authenticates and authorizes every request before it reaches gRPC or REST: the path's role comes from
/// the <see cref="IAccessPolicy"/>, the first authenticator that recognises a credential decides who the
/// caller is, and each caller is rate-limited. No credential → 401/UNAUTHENTICATED, a bad credential →
/// 401, a missing role → 403/PERMISSION_DENIED, an empty bucket → 429/RESOURCE_EXHAUSTED with Retry-After.
/// </summary>
public sealed class SecurityMiddleware(
    RequestDelegate next, IAccessPolicy policy, IEnumerable<ICallerAuthenticator> authenticators, CallerRateLimiter limiter, IEnumerable<ISecurityObserver> observers)
{
    public const string CallerItem = "edgecloud.caller";
    private readonly ICallerAuthenticator[] _authenticators = [.. authenticators];
    private readonly ISecurityObserver[] _observers = [.. observers];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var role = policy.RequiredRole(context.Request.Method, path);
        if (role is null)
        {
            await next(context);
            return;
        }

        Caller? caller = null;
        foreach (var authenticator in _authenticators)
        {
            var outcome = await authenticator.AuthenticateAsync(context);
            if (outcome.Failure is { } failure)
            {
                await RefuseAsync(context, role, null, StatusCodes.Status401Unauthorized, () => SecurityResponses.Unauthenticated(context, failure));
                return;
            }

            if (outcome.Caller is not null)
            {
                caller = outcome.Caller;
                break;
            }
        }

        if (caller is null)
        {
            await RefuseAsync(context, role, null, StatusCodes.Status401Unauthorized, () => SecurityResponses.Unauthenticated(
                context, $"{path} needs a credential with role '{role}': an API key (x-api-key or Authorization: Bearer eck_…), a JWT bearer token or a client certificate"));
            return;
        }

        if (!caller.HasRole(role))
        {
            await RefuseAsync(context, role, caller, StatusCodes.Status403Forbidden, () => SecurityResponses.PermissionDenied(
                context, $"{caller.Id} has roles [{string.Join(", ", caller.Roles.Order(StringComparer.Ordinal))}]; {path} needs role '{role}'"));
            return;
        }

        if (!limiter.TryAcquire(caller.Id, out var retryAfter))
        {
            await RefuseAsync(context, role, caller, StatusCodes.Status429TooManyRequests, () => SecurityResponses.RateLimited(
                context, retryAfter, $"{caller.Id} is over its rate limit; retry after {retryAfter.TotalSeconds:0} s"));
            return;
        }

        context.Items[CallerItem] = caller;
        try
        {
            await next(context);
        }
        finally
        {
            Observe(context, role, caller, context.Response.StatusCode);
        }
    }

    private async Task RefuseAsync(HttpContext context, string role, Caller? caller, int status, Func<Task> write)
    {
        await write();
        Observe(context, role, caller, status);
    }

    private void Observe(HttpContext context, string role, Caller? caller, int status)
    {
        foreach (var observer in _observers)
        {
            observer.OnCompleted(context, role, caller, status);
        }
    }
}
