namespace EdgeCloud.Shared.Fleet;

/// <summary>One file of a model version: its path inside the version folder, size in bytes, and lowercase hex sha256.</summary>
public sealed record ManifestFile(string Path, long Size, string Sha256);
