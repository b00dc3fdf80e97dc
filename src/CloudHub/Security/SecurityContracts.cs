namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// <c>POST /admin/v1/keys</c>: a name for people, the roles, an optional lifetime in seconds, and for a key with role
/// <c>device</c> the device it speaks for (the hub accepts events from it for that device only).
/// </summary>
public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Roles, long? ExpiresInSeconds, string? Device = null);

/// <summary>The created key: <paramref name="Key"/> is shown this once and cannot be recovered.</summary>
public sealed record CreateKeyResponse(ApiKeyRecord Record, string Key);

/// <summary><c>POST /admin/v1/devices/{id}/revoke</c>: what was revoked.</summary>
public sealed record RevokeDeviceResponse(string Id, bool Disconnected);

/// <summary>A refusal with a message naming the problem.</summary>
public sealed record SecurityError(string Error);
