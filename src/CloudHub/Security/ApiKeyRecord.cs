namespace EdgeCloud.CloudHub.Security;

/// <summary>An API key as listed by the admin API: never its secret or hash.</summary>
/// <param name="Device">The device a <c>device</c>-role key speaks for (its events must carry this id), or null.</param>
public sealed record ApiKeyRecord(string Id, string Name, IReadOnlyList<string> Roles, long CreatedUnixMs, long? ExpiresUnixMs, long? RevokedUnixMs, string? Device = null);
