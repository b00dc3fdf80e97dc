using EdgeCloud.Shared.Hosting;
using Microsoft.AspNetCore.Http;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// The on-device outbox API: <c>POST /edgecloud/v1/events</c> (202 with the id once the event is
/// on disk) and <c>GET /edgecloud/v1/outbox</c> (queue, bounds, drops, link).
/// </summary>
internal static class OutboxEndpoints
{
    /// <summary>Room for the envelope (id, type, kind, whitespace) around the largest payload.</summary>
    private const int EnvelopeBytes = 4096;

    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/edgecloud/v1/events", PostEventAsync);
        endpoints.MapGet("/edgecloud/v1/outbox", GetStatus);
        return endpoints;
    }

    private static async Task<IResult> PostEventAsync(HttpContext http, SqliteOutbox outbox)
    {
        var limit = outbox.Options.MaxEventBytes + EnvelopeBytes;
        var body = await ReadBodyAsync(http, limit);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge,
                $"the event body must be at most {limit} bytes (Agent:Outbox:MaxEventBytes = {outbox.Options.MaxEventBytes} for the payload, plus {EnvelopeBytes} for the envelope)");
        }

        if (EventRequestReader.Read(body.Value, out var problem) is not { } entry)
        {
            return Error(StatusCodes.Status400BadRequest, problem!);
        }

        try
        {
            var receipt = await outbox.AppendAsync(entry, http.RequestAborted);
            return Results.Json(new EventAccepted(receipt.Id), OutboxJsonContext.Relaxed.EventAccepted, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ArgumentException ex)
        {
            var status = entry.Payload.Length > outbox.Options.MaxEventBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return Error(status, ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
        }
        catch (OutboxUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status503ServiceUnavailable, $"the event was not stored: {ex.Message}");
        }
    }

    private static IResult GetStatus(SqliteOutbox outbox, OutboxDrainer drainer, IEventPublisher publisher)
    {
        var stats = outbox.Stats;
        var options = outbox.Options;
        return Results.Json(
            new OutboxStatus(
                stats.PendingEvents,
                stats.PendingBytes,
                options.MaxBytes,
                stats.OldestPending,
                options.MaxAge,
                stats.Appended,
                stats.Delivered,
                "oldest-first",
                new OutboxDrops(
                    new DropCount(stats.DroppedByAge, stats.DroppedBytesByAge),
                    new DropCount(stats.DroppedByCapacity, stats.DroppedBytesByCapacity)),
                new OutboxHubStatus(publisher.Endpoint, publisher.IsConfigured, drainer.ConsecutiveFailures, drainer.LastError)),
            OutboxJsonContext.Relaxed.OutboxStatus);
    }

    /// <summary>The request body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    internal static IResult Error(int status, string message) =>
        Results.Json(new V2Error(message), OutboxJsonContext.Relaxed.V2Error, statusCode: status);
}
