using System.Text.Json;
using EdgeCloud.CloudHub.Fleet;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// The security admin API (role <c>admin</c>, audited): API keys (<c>/admin/v1/keys</c>), device revocation
/// (<c>/admin/v1/devices/{id}/revoke</c>) and the audit log (<c>GET /admin/v1/audit</c>, with <c>verified</c>).
/// </summary>
internal static class SecurityAdminEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static void MapSecurityAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/v1");
        admin.MapPost("/keys", CreateKeyAsync);
        admin.MapGet("/keys", (ApiKeyStore keys) => Results.Json(keys.List(), SecurityJsonContext.Default.IReadOnlyListApiKeyRecord));
        admin.MapDelete("/keys/{id}", (string id, ApiKeyStore keys) =>
            keys.Revoke(id) ? Results.NoContent() : Error(StatusCodes.Status404NotFound, $"no revocable API key '{id}'"));
        admin.MapGet("/audit", (AuditLog audit) => Results.Json(audit.Read(), SecurityJsonContext.Default.AuditReport));
        admin.MapPost("/devices/{id}/revoke", RevokeDeviceAsync);
    }

    private static async Task<IResult> CreateKeyAsync(HttpContext context, ApiKeyStore keys, CancellationToken ct)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        }

        CreateKeyRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, SecurityJsonContext.Default.CreateKeyRequest, ct);
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, $"expected {{\"name\", \"roles\": [...], \"expiresInSeconds\", \"device\"}}: {ex.Message}");
        }

        try
        {
            var lifetime = body?.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var (record, key) = keys.Create(body?.Name ?? "", body?.Roles ?? [], lifetime, body?.Device);
            context.Items[AdminAuditObserver.TargetItem] = $"key:{record.Id}";
            return Results.Json(new CreateKeyResponse(record, key), SecurityJsonContext.Default.CreateKeyResponse, statusCode: StatusCodes.Status201Created);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<IResult> RevokeDeviceAsync(string id, HttpContext context, CancellationToken ct)
    {
        if (context.RequestServices.GetService<DeviceRegistry>() is not { } registry || !registry.TryGet(id, out var device))
        {
            return Error(StatusCodes.Status404NotFound, $"device '{id}' is not registered");
        }

        // Re-keying with a secret nobody holds revokes the old one in the registry (memory and hub.db) at once.
        registry.Provision(device.Id, device.Fleet, device.Groups);
        var disconnected = context.RequestServices.GetService<EmbeddedFleetBroker>() is { } broker && await broker.DisconnectAsync(device.Id, ct);
        context.Items[AdminAuditObserver.TargetItem] = $"device:{device.Id}";
        return Results.Json(new RevokeDeviceResponse(device.Id, disconnected), SecurityJsonContext.Default.RevokeDeviceResponse);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new SecurityError(message), SecurityJsonContext.Default.SecurityError, statusCode: status);
}
