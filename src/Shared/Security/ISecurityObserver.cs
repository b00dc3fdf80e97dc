using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Security;

/// <summary>Told of every guarded request once it is answered or refused (the hub audits admin actions with it).</summary>
public interface ISecurityObserver
{
    /// <param name="caller">null when the request was refused for want of a valid credential.</param>
    void OnCompleted(HttpContext context, string requiredRole, Caller? caller, int status);
}
