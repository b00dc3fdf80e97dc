using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// Refusals written by the security middleware: for gRPC a trailers-only response (UNAUTHENTICATED,
/// PERMISSION_DENIED, RESOURCE_EXHAUSTED), for REST 401/403/429 with a v2 error body.
/// </summary>
public static class SecurityResponses
{
    public static Task Unauthenticated(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
        return Write(context, StatusCodes.Status401Unauthorized, 16, message);
    }

    public static Task PermissionDenied(HttpContext context, string message) =>
        Write(context, StatusCodes.Status403Forbidden, 7, message);

    public static Task RateLimited(HttpContext context, TimeSpan retryAfter, string message)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Write(context, StatusCodes.Status429TooManyRequests, 8, message);
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    private static async Task Write(HttpContext context, int httpStatus, int grpcStatus, string message)
    {
        var response = context.Response;
        if (IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = grpcStatus.ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        response.StatusCode = httpStatus;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
