using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Fleet;

/// <summary>Source-generated JSON for the fleet payloads: camelCase, no indentation, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(StateMessage))]
[JsonSerializable(typeof(DesiredDocument))]
[JsonSerializable(typeof(DesiredPatch))]
[JsonSerializable(typeof(ReportedState))]
[JsonSerializable(typeof(TelemetryMessage))]
[JsonSerializable(typeof(FleetCommand))]
[JsonSerializable(typeof(FleetCommandResult))]
[JsonSerializable(typeof(ModelManifest))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
