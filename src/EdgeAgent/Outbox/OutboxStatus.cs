using System.Text.Json.Serialization;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The body of <c>GET /edgecloud/v1/outbox</c>.</summary>
internal sealed record OutboxStatus(
    [property: JsonPropertyName("pending_events")] long PendingEvents,
    [property: JsonPropertyName("pending_bytes")] long PendingBytes,
    [property: JsonPropertyName("max_bytes")] long MaxBytes,
    [property: JsonPropertyName("oldest_pending")] DateTimeOffset? OldestPending,
    [property: JsonPropertyName("max_age")] TimeSpan MaxAge,
    [property: JsonPropertyName("appended")] long Appended,
    [property: JsonPropertyName("delivered")] long Delivered,
    [property: JsonPropertyName("drop_policy")] string DropPolicy,
    [property: JsonPropertyName("dropped")] OutboxDrops Dropped,
    [property: JsonPropertyName("hub")] OutboxHubStatus Hub);

internal sealed record OutboxDrops(
    [property: JsonPropertyName("age")] DropCount Age,
    [property: JsonPropertyName("capacity")] DropCount Capacity);

internal sealed record DropCount(
    [property: JsonPropertyName("events")] long Events,
    [property: JsonPropertyName("bytes")] long Bytes);

internal sealed record OutboxHubStatus(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("configured")] bool Configured,
    [property: JsonPropertyName("consecutive_failures")] int ConsecutiveFailures,
    [property: JsonPropertyName("last_error")] string? LastError);

internal sealed record EventAccepted([property: JsonPropertyName("id")] string Id);
