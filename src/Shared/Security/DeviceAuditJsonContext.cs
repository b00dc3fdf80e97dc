using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Security;

/// <summary>Source-generated JSON for <see cref="DeviceAuditRecord"/>: camelCase, unknown members skipped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DeviceAuditRecord))]
public sealed partial class DeviceAuditJsonContext : JsonSerializerContext;
