namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>A cache hit: the stored payload (a serialized <c>ModelInferResponse</c>) and when it was stored and expires.</summary>
public sealed record CachedResult(ReadOnlyMemory<byte> Payload, DateTimeOffset StoredAt, DateTimeOffset ExpiresAt);
