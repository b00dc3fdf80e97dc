namespace EdgeCloud.CloudHub.Security;

/// <summary>An API key as listed by the admin API: never its secret or hash.</summary>
public sealed record ApiKeyRecord(string Id, string Name, IReadOnlyList<string> Roles, long CreatedUnixMs, long? ExpiresUnixMs, long? RevokedUnixMs);
