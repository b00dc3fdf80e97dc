namespace EdgeCloud.FetchModels.Layout;

/// <summary>One laid-out file in <c>manifest.json</c>.</summary>
/// <param name="Path">Path under the output root, '/'-separated.</param>
/// <param name="Model">The model the file belongs to.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">sha256, lower-case hex.</param>
/// <param name="Source">Where it came from (<c>nuget:Id@Version</c>, <c>npm:name@version</c> or <c>model-configs/…</c>).</param>
internal sealed record ManifestEntry(string Path, string Model, long Size, string Sha256, string Source);
