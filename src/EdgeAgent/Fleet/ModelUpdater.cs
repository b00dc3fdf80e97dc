using System.Globalization;
using System.Security.Cryptography;
using EdgeCloud.EdgeAgent.Models;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// Installs a model version from its manifest: downloads each file from the hub (<see cref="ModelDownloader"/>,
/// resumable) into <c>{DataDir}/models/.staging/{name}/{version}/</c>, verifies size and sha256, moves the
/// version folder into place and swaps it in with <see cref="ModelStore.Load"/> (warmed up, atomic, running
/// requests finish on the old version). A file that fails verification, or a version that fails to load,
/// is refused and the old version keeps serving. Earlier version folders stay for <see cref="RollbackAsync"/>.
/// Every install, refusal and rollback is audited (<see cref="AgentAuditTrail"/>).
/// </summary>
internal sealed class ModelUpdater(
    ModelStore store, ModelStoreStartup startup, ModelCatalog catalog, ModelDownloader downloader, AgentAuditTrail audit, ILogger<ModelUpdater> logger,
    ManifestVerifier? verifier = null)
{
    private const string ConfigFile = "config.json";
    private readonly SemaphoreSlim _gate = new(1, 1);

    private string StagingRoot => Path.Combine(store.Root, ".staging");

    /// <summary>Makes <paramref name="manifest"/> the serving version; throws <see cref="InvalidDataException"/> or <see cref="InferenceException"/> when refused.</summary>
    public async Task EnsureAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        var target = $"{manifest.Name}@{manifest.Version}";
        string? installed;
        try
        {
            installed = await InstallAsync(manifest, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or InferenceException or InvalidOperationException or IOException)
        {
            var verdict = ex is InvalidDataException or InferenceException ? "refused" : "failed";
            await audit.RecordAsync(AgentAuditActions.ModelInstall, target, $"{verdict}: {ex.Message}", CancellationToken.None);
            throw;
        }

        if (installed is not null)
        {
            await audit.RecordAsync(AgentAuditActions.ModelInstall, target, installed, CancellationToken.None);
        }
    }

    /// <summary>Installs <paramref name="manifest"/>'s version; null when it already serves, else what now serves.</summary>
    private async Task<string?> InstallAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        Check(manifest);
        verifier?.Verify(manifest); // Agent:Security:ModelTrustKeyPath: unsigned or tampered manifests are refused before any download
        if (store.TryGet(manifest.Name, out var loaded) && loaded.Info.Version == manifest.Version)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var staging = Path.Combine(StagingRoot, manifest.Name, manifest.Version);
            foreach (var file in manifest.Files)
            {
                var target = Path.Combine(staging, file.Path);
                await downloader.DownloadAsync(manifest, file, target, cancellationToken);
                await VerifyAsync(file, target, cancellationToken);
            }

            return Install(manifest, staging);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Retires the serving version of <paramref name="name"/> and loads the previous version folder.</summary>
    public async Task<string> RollbackAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var version = await RollbackCoreAsync(name, cancellationToken);
            await audit.RecordAsync(AgentAuditActions.ModelRollback, name, $"now serves version {version}", CancellationToken.None);
            return version;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InferenceException or IOException)
        {
            await audit.RecordAsync(AgentAuditActions.ModelRollback, name, $"failed: {ex.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task<string> RollbackCoreAsync(string name, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var modelDir = Path.Combine(store.Root, name);
            var versions = Versions(modelDir);
            if (versions.Count < 2)
            {
                throw new InvalidOperationException($"model '{name}' has no earlier version on this device to roll back to");
            }

            var current = versions[0];
            var retired = Path.Combine(store.Root, ".retired", name, $"{current}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path.GetDirectoryName(retired)!);
            Directory.Move(Path.Combine(modelDir, current), retired);
            var previousConfig = Path.Combine(modelDir, versions[1], ConfigFile);
            if (File.Exists(previousConfig))
            {
                File.Copy(previousConfig, Path.Combine(modelDir, ConfigFile), overwrite: true);
            }

            catalog.Refresh();
            startup.LoadOne(name);
            return versions[1];
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Install(ModelManifest manifest, string staging)
    {
        var modelDir = Path.Combine(store.Root, manifest.Name);
        var versionDir = Path.Combine(modelDir, manifest.Version);
        var configPath = Path.Combine(modelDir, ConfigFile);
        var savedConfig = File.Exists(configPath) ? File.ReadAllBytes(configPath) : null;
        Directory.CreateDirectory(modelDir);
        if (Directory.Exists(versionDir))
        {
            Directory.Delete(versionDir, recursive: true);
        }

        Directory.Move(staging, versionDir);
        var stagedConfig = Path.Combine(versionDir, ConfigFile);
        if (File.Exists(stagedConfig))
        {
            File.Copy(stagedConfig, configPath, overwrite: true);
        }

        try
        {
            catalog.Refresh();
            var model = startup.LoadOne(manifest.Name);
            if (model.Info.Version != manifest.Version)
            {
                throw new InvalidDataException($"model '{manifest.Name}': loaded version {model.Info.Version}, expected {manifest.Version} (a newer version folder is on the device)");
            }

            Log.ModelInstalled(logger, manifest.Name, manifest.Version, model.Info.Variant, model.Info.ExecutionProvider);
            return $"installed (variant {model.Info.Variant}, {model.Info.ExecutionProvider})";
        }
        catch (Exception ex) when (ex is InferenceException or InvalidDataException)
        {
            // The old version keeps serving: ModelStore.Load swaps only on success. Put the folder back as it was.
            Directory.Delete(versionDir, recursive: true);
            if (savedConfig is not null)
            {
                File.WriteAllBytes(configPath, savedConfig);
            }

            catalog.Refresh();
            throw;
        }
    }

    private static async Task VerifyAsync(ManifestFile file, string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        string actual;
        await using (var stream = File.OpenRead(path))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        if (info.Length != file.Size || actual != file.Sha256)
        {
            File.Delete(path);
            throw new InvalidDataException($"file '{file.Path}' failed verification: expected {file.Size} bytes with sha256 {file.Sha256}, got {info.Length} bytes with sha256 {actual}; refused");
        }
    }

    private static void Check(ModelManifest manifest)
    {
        if (!FleetTopics.IsValidName(manifest.Name) || !long.TryParse(manifest.Version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new InvalidDataException($"manifest names model '{manifest.Name}' version '{manifest.Version}'; expected a plain name and a numeric version");
        }

        if (manifest.Files.Count == 0 || manifest.Files.Any(f => !ManifestDigest.IsSafeRelativePath(f.Path) || f.Size < 0 || f.Sha256.Length != 64))
        {
            throw new InvalidDataException($"manifest of '{manifest.Name}' {manifest.Version} lists no files, or a file with an unsafe path, negative size or malformed sha256");
        }

        if (ManifestDigest.Compute(manifest.Files) != manifest.Digest)
        {
            throw new InvalidDataException($"manifest of '{manifest.Name}' {manifest.Version}: digest {manifest.Digest} does not match its file list");
        }
    }

    private static List<string> Versions(string modelDir) =>
        Directory.Exists(modelDir)
            ? [.. Directory.EnumerateDirectories(modelDir).Select(Path.GetFileName).OfType<string>()
                .Where(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .OrderByDescending(n => long.Parse(n, CultureInfo.InvariantCulture))]
            : [];
}
