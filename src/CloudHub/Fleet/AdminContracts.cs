namespace EdgeCloud.CloudHub.Fleet;

/// <summary><c>POST /admin/v1/devices</c>: registers a device (or re-keys it); a secret is generated when none is given.</summary>
public sealed record ProvisionRequest(string Id, string? Fleet, IReadOnlyList<string>? Groups, string? Secret);

/// <summary>The registered device and its secret, shown once: the hub stores only its hash.</summary>
public sealed record ProvisionResponse(string Id, string Fleet, IReadOnlyList<string> Groups, string Secret);

/// <summary><c>PUT …/models/{name}</c>: the published version a device or group should run.</summary>
public sealed record SetModelRequest(string Version);

/// <summary><c>POST /admin/v1/devices/{id}/commands</c>.</summary>
public sealed record CommandRequest(string Name, string? Model, TimeSpan? Timeout);

/// <summary>An error a person can act on.</summary>
public sealed record AdminError(string Error);

/// <summary>A device with the desired documents that apply to it.</summary>
public sealed record DeviceDetails(DeviceRecord Device, Shared.Fleet.DesiredDocument? Desired, IReadOnlyDictionary<string, Shared.Fleet.DesiredDocument> Groups);
