using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Model versions published for distribution, under <c>{Hub:DataDir}/fleet-models/{name}/{version}/</c>.
/// Files are uploaded one by one into an upload area (hashed as they are written), then published
/// together: the version's <c>config.json</c> gives placement and variants, and the manifest (files with
/// size and sha256) is stored. A published version is immutable.
/// </summary>
internal sealed class FleetModelRegistry
{
    private const string ConfigFile = "config.json";
    private readonly HubDatabase _database;
    private readonly FleetHubOptions _options;
    private readonly TimeProvider _time;
    private readonly ManifestSigner? _signer;

    public FleetModelRegistry(HubDatabase database, IOptions<HubOptions> hub, IOptions<FleetHubOptions> options, TimeProvider time, ManifestSigner? signer = null)
    {
        _signer = signer;
        _database = database;
        _options = options.Value;
        _time = time;
        Root = Path.Combine(Path.GetFullPath(hub.Value.DataDir), "fleet-models");
    }

    public string Root { get; }

    /// <summary>Stores one uploaded file; returns its size and sha256.</summary>
    public async Task<ManifestFile> UploadAsync(string name, string version, string path, Stream content, CancellationToken cancellationToken)
    {
        CheckNames(name, version);
        if (!ManifestDigest.IsSafeRelativePath(path))
        {
            throw new ArgumentException($"file path '{path}' must be relative, with '/' separators and no '..'");
        }

        if (Find(name, version) is not null)
        {
            throw new InvalidOperationException($"model '{name}' version {version} is already published; publish a new version");
        }

        var target = Path.Combine(UploadDir(name, version), path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > _options.MaxModelFileBytes)
                {
                    throw new ArgumentException($"file '{path}' is larger than Hub:Fleet:MaxModelFileBytes ({_options.MaxModelFileBytes} bytes)");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
        }

        File.Move(partial, target, overwrite: true);
        return new ManifestFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Publishes the uploaded files of a version; its config.json must be among them.</summary>
    public ModelManifest Publish(string name, string version)
    {
        CheckNames(name, version);
        if (Find(name, version) is not null)
        {
            throw new InvalidOperationException($"model '{name}' version {version} is already published");
        }

        var upload = UploadDir(name, version);
        var configPath = Path.Combine(upload, ConfigFile);
        if (!File.Exists(configPath))
        {
            throw new ArgumentException($"model '{name}' version {version}: upload its {ConfigFile} (with placement and variants) before publishing");
        }

        var config = ModelConfigReader.Read(configPath, name);
        var files = Directory.EnumerateFiles(upload, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".part", StringComparison.Ordinal))
            .Select(f => new ManifestFile(Path.GetRelativePath(upload, f).Replace('\\', '/'), new FileInfo(f).Length, HashFile(f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var missing = config.Variants.Where(v => files.All(f => f.Path != v.File)).Select(v => v.File).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"model '{name}' version {version}: variant files not uploaded: {string.Join(", ", missing)}");
        }

        var manifest = new ModelManifest(name, version, config.Placement, files, [.. config.Variants.Select(v => v.Id)], ManifestDigest.Compute(files));
        manifest = _signer?.Sign(manifest) ?? manifest; // Hub:Security on: agents verify it before staging
        var target = VersionDir(name, version);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(upload, target);
        _database.Write((c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO models (name, version, manifest, published_at) VALUES ($n, $v, $m, $now)";
            command.Parameters.AddWithValue("$n", name);
            command.Parameters.AddWithValue("$v", version);
            command.Parameters.AddWithValue("$m", JsonSerializer.Serialize(manifest, FleetJsonContext.Default.ModelManifest));
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        });
        return manifest;
    }

    public ModelManifest? Find(string name, string version) => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT manifest FROM models WHERE name = $n AND version = $v";
        command.Parameters.AddWithValue("$n", name);
        command.Parameters.AddWithValue("$v", version);
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, FleetJsonContext.Default.ModelManifest) : null;
    });

    public IReadOnlyList<ModelManifest> List() => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT manifest FROM models ORDER BY name, CAST(version AS INTEGER)";
        using var reader = command.ExecuteReader();
        var result = new List<ModelManifest>();
        while (reader.Read())
        {
            result.Add(JsonSerializer.Deserialize(reader.GetString(0), FleetJsonContext.Default.ModelManifest)!);
        }

        return result;
    });

    /// <summary>The path of a published file, or null when the model, version or file is not published.</summary>
    public string? FilePath(string name, string version, string file) =>
        Find(name, version) is { } manifest && manifest.Files.Any(f => f.Path == file) ? Path.Combine(VersionDir(name, version), file) : null;

    private string UploadDir(string name, string version) => Path.Combine(Root, ".uploads", name, version);

    private string VersionDir(string name, string version) => Path.Combine(Root, name, version);

    private static void CheckNames(string name, string version)
    {
        if (!FleetTopics.IsValidName(name))
        {
            throw new ArgumentException($"model name '{name}' must be 1-64 of [A-Za-z0-9_.-]");
        }

        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || version != number.ToString(CultureInfo.InvariantCulture))
        {
            throw new ArgumentException($"model version '{version}' must be a positive integer such as 2 (it names the version folder)");
        }
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
