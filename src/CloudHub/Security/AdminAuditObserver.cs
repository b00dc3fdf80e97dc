using System.Globalization;
using EdgeCloud.Shared.Security;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// Appends every admin action (a mutating request on an admin path, or an admin RPC that changes the
/// repository) to the audit log with its result, and every refused admin request too.
/// </summary>
internal sealed class AdminAuditObserver(AuditLog audit) : ISecurityObserver
{
    /// <summary>An endpoint may set this item to name what it acted on more precisely than the path (e.g. a new key's id).</summary>
    public const string TargetItem = "edgecloud.audit.target";

    public void OnCompleted(HttpContext context, string requiredRole, Caller? caller, int status)
    {
        if (requiredRole != SecurityRoles.Admin)
        {
            return;
        }

        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var grpc = SecurityResponses.IsGrpc(request);
        var mutation = grpc ? !path.EndsWith("/RepositoryIndex", StringComparison.Ordinal) : !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        var refused = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden;
        if (!mutation && !refused)
        {
            return;
        }

        var target = context.Items[TargetItem] as string ?? path;
        audit.Append(caller?.Id ?? "anonymous", AuditActions.Name(request.Method, path), target, Result(context, status, grpc));
    }

    private static string Result(HttpContext context, int status, bool grpc)
    {
        if (!grpc)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }

        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var code = trailers?["grpc-status"].ToString() is { Length: > 0 } t ? t : context.Response.Headers["grpc-status"].ToString();
        return status switch
        {
            StatusCodes.Status401Unauthorized => "grpc:16",
            StatusCodes.Status403Forbidden => "grpc:7",
            StatusCodes.Status429TooManyRequests => "grpc:8",
            _ => "grpc:" + (code.Length > 0 ? code : "0"),
        };
    }
}
