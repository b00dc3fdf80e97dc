namespace EdgeCloud.FetchModels.Catalog;

/// <summary>A package pinned to one exact version.</summary>
internal sealed record PackageRef(PackageKind Kind, string Id, string Version)
{
    public override string ToString() => $"{(Kind == PackageKind.NuGet ? "nuget" : "npm")}:{Id}@{Version}";
}
