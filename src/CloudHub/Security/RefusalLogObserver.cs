using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>Logs refused requests by path, status and caller id: never a credential.</summary>
internal sealed class RefusalLogObserver(ILogger<RefusalLogObserver> logger) : ISecurityObserver
{
    public void OnCompleted(HttpContext context, string requiredRole, Caller? caller, int status)
    {
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
        {
            Log.Refused(logger, context.Request.Path.Value ?? "/", status, caller?.Id ?? "anonymous");
        }
    }
}
