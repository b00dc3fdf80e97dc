using System.Text.Json.Nodes;

namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// <c>…/desired/patch</c>, not retained: a JSON merge patch (RFC 7386) of <see cref="DesiredDocument.Config"/>
/// from <paramref name="BaseVersion"/> to <paramref name="Version"/>, plus models replaced by name. An agent
/// applies it only when its applied version is <paramref name="BaseVersion"/> and <paramref name="Version"/>
/// is the next one; otherwise it resyncs from the retained full document.
/// </summary>
public sealed record DesiredPatch(int Schema, long Version, long BaseVersion, JsonObject? Config, IReadOnlyList<ModelManifest>? Models);
