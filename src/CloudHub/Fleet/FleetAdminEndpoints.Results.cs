using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

internal static partial class FleetAdminEndpoints
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    private static IResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        Results.Json(value, typeInfo, statusCode: status);

    private static IResult Error(int status, string message) => Json(new AdminError(message), HubFleetJsonContext.Default.AdminError, status);

    private static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    private static IResult DesiredResult(DesiredDocument? document) =>
        document is null ? NotFound("no desired document has been set for this scope") : Json(document, HubFleetJsonContext.Default.DesiredDocument);

    private static async Task<IResult> WithDevice(string id, DeviceRegistry registry, Func<DeviceRecord, Task<IResult>> action) =>
        registry.TryGet(id, out var device) ? await action(device) : NotFound($"device '{id}' is not registered");

    /// <summary>Maps the registry's refusals: bad input 400, conflict 409, unknown 404.</summary>
    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, $"the body is {request.ContentLength} bytes; the limit is {MaxBodyBytes}"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, ct);
            return value is null ? (null, Error(StatusCodes.Status400BadRequest, $"expected a JSON {typeof(T).Name}, got null")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, $"the body is not a valid {typeof(T).Name}: {ex.Message}"));
        }
    }
}
