using System.Text.Json.Serialization;

namespace EdgeCloud.CloudHub.Security;

/// <summary>Source-generated JSON for the key and audit admin API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(CreateKeyResponse))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyRecord>))]
[JsonSerializable(typeof(AuditReport))]
[JsonSerializable(typeof(RevokeDeviceResponse))]
[JsonSerializable(typeof(SecurityError))]
internal sealed partial class SecurityJsonContext : JsonSerializerContext;
