namespace EdgeCloud.Shared.Security;

/// <summary>An authenticated caller: a stable id (rate-limit partition, audit actor) and its roles.</summary>
/// <param name="Id">e.g. <c>key:3f9a1c0b7d2e</c>, <c>jwt:alice</c>, <c>cert:device-7</c>, <c>device:cam-1</c>; never a secret.</param>
public sealed record Caller(string Id, IReadOnlySet<string> Roles)
{
    public bool HasRole(string role) => Roles.Contains(role);
}
