using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Source-generated JSON for the admin API and the hub database.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(DeviceRecord))]
[JsonSerializable(typeof(IReadOnlyList<DeviceRecord>))]
[JsonSerializable(typeof(DeviceDetails))]
[JsonSerializable(typeof(ProvisionRequest))]
[JsonSerializable(typeof(ProvisionResponse))]
[JsonSerializable(typeof(IReadOnlyList<ProvisionRequest>))]
[JsonSerializable(typeof(IReadOnlyList<ProvisionResponse>))]
[JsonSerializable(typeof(SetModelRequest))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(FleetStats))]
[JsonSerializable(typeof(DesiredDocument))]
[JsonSerializable(typeof(ManifestFile))]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(IReadOnlyList<ModelManifest>))]
[JsonSerializable(typeof(FleetCommandResult))]
[JsonSerializable(typeof(RolloutRequest))]
[JsonSerializable(typeof(RolloutStatus))]
[JsonSerializable(typeof(IReadOnlyList<RolloutStatus>))]
public sealed partial class HubFleetJsonContext : JsonSerializerContext;
