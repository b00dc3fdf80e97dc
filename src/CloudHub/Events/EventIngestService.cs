using System.Diagnostics.CodeAnalysis;
using EdgeCloud.Events;
using Grpc.Core;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Events;

/// <summary>
/// <c>edgecloud.events.EventIngest</c>: stores an agent's outbox batch and acknowledges the ids it
/// holds. A malformed batch is refused whole (INVALID_ARGUMENT, naming the event and field); a
/// storage failure is UNAVAILABLE, so the agent keeps the events and tries again. With security on, a device
/// publishes only its own events (<see cref="EventIngestAuthorization"/>), and its <c>agent-audit</c> entries join
/// the hub's audit log (<see cref="DeviceAuditIngest"/>) before the batch is acknowledged.
/// </summary>
internal sealed class EventIngestService(HubEventStore store, DeviceAuditIngest audit, ILogger<EventIngestService> logger) : EventIngest.EventIngestBase
{
    private const int MaxIdLength = 128;

    public override async Task<PublishAck> Publish(PublishRequest request, ServerCallContext context)
    {
        Validate(request);
        EventIngestAuthorization.Authorize(context, request.DeviceId);
        IReadOnlyList<string> stored;
        try
        {
            audit.Append(request);
            stored = await store.StoreAsync(request, context.CancellationToken);
        }
        catch (SqliteException ex)
        {
            Log.StoreFailed(logger, request.Events.Count, request.DeviceId, ex);
            throw new RpcException(new Status(StatusCode.Unavailable, $"the hub could not store the events ({ex.Message}); send them again later"));
        }

        var ack = new PublishAck();
        ack.StoredIds.AddRange(stored);
        return ack;
    }

    private static void Validate(PublishRequest request)
    {
        if (Problem("device_id", request.DeviceId) is { } device)
        {
            Invalid(device);
        }

        for (var i = 0; i < request.Events.Count; i++)
        {
            var e = request.Events[i];
            if ((Problem("id", e.Id) ?? Problem("type", e.Type) ?? Problem("kind", e.Kind)) is { } problem)
            {
                Invalid($"events[{i}]: {problem}");
            }
        }
    }

    private static string? Problem(string field, string value) =>
        value.Length is 0 or > MaxIdLength
            ? $"{field} must be 1 to {MaxIdLength} characters, got {value.Length}"
            : null;

    [DoesNotReturn]
    private static void Invalid(string message) =>
        throw new RpcException(new Status(StatusCode.InvalidArgument, message));
}
