namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// A model version as distributed to devices: what to download (files with size and sha256), its
/// variants and placement. <paramref name="Digest"/> is the sha256 of the canonical file list, so two
/// manifests with the same digest describe the same bytes. <paramref name="Signature"/> is the hub's
/// ECDSA P-256 signature over the manifest (see <c>EdgeCloud.Shared.Security.ManifestSigner</c>); null when unsigned.
/// </summary>
public sealed record ModelManifest(
    string Name,
    string Version,
    string Placement,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<string> Variants,
    string Digest,
    string? Signature = null);
