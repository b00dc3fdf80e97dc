namespace EdgeCloud.Shared.Security;

/// <summary>An authenticated caller: a stable id (rate-limit partition, audit actor), its roles, and the device it is bound to.</summary>
/// <param name="Id">e.g. <c>key:3f9a1c0b7d2e</c>, <c>jwt:alice</c>, <c>cert:device-7</c>, <c>device:cam-1</c>; never a secret.</param>
/// <param name="Device">
/// The device id this credential speaks for (a device secret's id, a device certificate's common name, an API key
/// created with <c>"device"</c>, a JWT's <c>device</c> claim), or null when it is bound to no device.
/// </param>
public sealed record Caller(string Id, IReadOnlySet<string> Roles, string? Device = null)
{
    public bool HasRole(string role) => Roles.Contains(role);
}
