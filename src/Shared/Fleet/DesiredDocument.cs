using System.Text.Json.Nodes;

namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// <c>…/devices/{id}/desired</c> or <c>…/groups/{group}/desired</c>, retained: the whole desired state of
/// one scope at <paramref name="Version"/>. <paramref name="Config"/> holds agent settings by section
/// (<c>Routing</c>, <c>Cache</c>, <c>Cloud</c>, <c>Logging</c>); device-level keys win over group keys.
/// </summary>
public sealed record DesiredDocument(int Schema, long Version, JsonObject? Config, IReadOnlyList<ModelManifest>? Models);
