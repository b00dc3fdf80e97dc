namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>A deferred job as read back: its state and, once finished, its result or error.</summary>
internal sealed record DeferredJob(
    string Id,
    string Model,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    byte[]? Response,
    string? Error);
