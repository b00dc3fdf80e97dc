namespace EdgeCloud.FetchModels.Catalog;

/// <summary>The registry a model package comes from.</summary>
internal enum PackageKind
{
    NuGet,
    Npm,
}
