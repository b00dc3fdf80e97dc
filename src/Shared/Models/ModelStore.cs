using System.Collections.Frozen;
using System.Globalization;
using EdgeCloud.Shared.Inference;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Models;

/// <summary>
/// The models in service, read from a Triton-like repository folder. Lookups read an immutable
/// snapshot without locking; loads and unloads build a new snapshot under one lock, so loading or
/// unloading one model never disturbs requests to another.
/// </summary>
public sealed class ModelStore : IDisposable
{
    private readonly Lock _writeLock = new();
    private readonly InferenceOptions _options;
    private readonly Func<string, string?> _variantOverride;
    private FrozenDictionary<string, LoadedModel> _models = FrozenDictionary<string, LoadedModel>.Empty;
    private FrozenDictionary<string, string> _failures = FrozenDictionary<string, string>.Empty;

    /// <param name="root">The repository folder: <c>{root}/{model}/config.json</c> and <c>{root}/{model}/{version}/</c>.</param>
    /// <param name="variantOverride">The variant to load for a model name, or null to choose by provider.</param>
    public ModelStore(string root, InferenceOptions options, Func<string, string?>? variantOverride = null)
    {
        Root = Path.GetFullPath(root);
        _options = options;
        _variantOverride = variantOverride ?? (static _ => null);
    }

    public string Root { get; }

    public IReadOnlyCollection<LoadedModel> Loaded => _models.Values;

    /// <summary>Names of the model folders in the repository (those with a config.json).</summary>
    public IReadOnlyList<string> ModelNames() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root)
                .Where(d => File.Exists(Path.Combine(d, "config.json")))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Loads (or reloads) the latest version of <paramref name="name"/> and swaps it in atomically.</summary>
    public LoadedModel Load(string name)
    {
        LoadedModel model;
        try
        {
            model = LoadFromDisk(name);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or OnnxRuntimeException or UnauthorizedAccessException)
        {
            lock (_writeLock)
            {
                _failures = With(_failures, name, ex.Message);
            }

            throw;
        }

        LoadedModel? previous;
        lock (_writeLock)
        {
            _models.TryGetValue(name, out previous);
            _models = With(_models, name, model);
            _failures = Without(_failures, name);
        }

        previous?.Release();
        return model;
    }

    /// <summary>Takes the model out of service; requests already running finish on it.</summary>
    public bool Unload(string name)
    {
        LoadedModel? previous;
        lock (_writeLock)
        {
            if (!_models.TryGetValue(name, out previous))
            {
                return false;
            }

            _models = Without(_models, name);
        }

        previous.Release();
        return true;
    }

    /// <summary>Leases the model for one request, or throws NOT_FOUND naming what is loaded.</summary>
    public ModelLease Acquire(string name, string? version)
    {
        if (_models.TryGetValue(name, out var model)
            && (string.IsNullOrEmpty(version) || version == model.Info.Version)
            && model.TryAcquire())
        {
            return new ModelLease(model);
        }

        if (model is null)
        {
            throw InferenceException.NotFound(
                $"model '{name}' is not loaded here; loaded models: {LoadedNames()}");
        }

        throw InferenceException.NotFound(
            $"model '{name}' version '{version}' is not loaded; loaded version: {model.Info.Version}");
    }

    public bool TryGet(string name, out LoadedModel model) => _models.TryGetValue(name, out model!);

    public IReadOnlyList<ModelIndexEntry> Index()
    {
        var models = _models;
        var failures = _failures;
        return [.. ModelNames().Select(name =>
            models.TryGetValue(name, out var m) ? new ModelIndexEntry(name, m.Info.Version, ModelStates.Ready, "")
            : failures.TryGetValue(name, out var reason) ? new ModelIndexEntry(name, "", ModelStates.Unavailable, reason)
            : new ModelIndexEntry(name, "", ModelStates.Unavailable, "not loaded"))];
    }

    public void Dispose()
    {
        FrozenDictionary<string, LoadedModel> models;
        lock (_writeLock)
        {
            models = _models;
            _models = FrozenDictionary<string, LoadedModel>.Empty;
        }

        foreach (var model in models.Values)
        {
            model.Release();
        }
    }

    private string LoadedNames() => _models.Count == 0 ? "(none)" : string.Join(", ", _models.Keys.Order(StringComparer.Ordinal));

    private LoadedModel LoadFromDisk(string name)
    {
        var modelDir = Path.Combine(Root, name);
        if (name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            || !File.Exists(Path.Combine(modelDir, "config.json")))
        {
            throw new InvalidOperationException($"model '{name}' is not in the repository {Root} (no {name}/config.json); models there: {string.Join(", ", ModelNames())}");
        }

        var config = ModelConfigReader.Read(Path.Combine(modelDir, "config.json"), name);
        var version = LatestVersion(modelDir)
            ?? throw new InvalidOperationException($"model '{name}': no numeric version folder (e.g. {name}/1/) in {modelDir}");
        var versionDir = Path.Combine(modelDir, version);
        var provider = VariantSelector.ExpectedProvider(_options, OrtEnv.Instance().GetAvailableProviders());
        var variant = VariantSelector.Choose(config, versionDir, provider, _variantOverride(name));
        var instances = new List<ModelSession>(config.InstanceCount);
        try
        {
            for (var i = 0; i < config.InstanceCount; i++)
            {
                var session = ModelSession.Load(name, version, variant.Id, Path.Combine(versionDir, variant.File), _options);
                instances.Add(session);
                if (_options.WarmUp)
                {
                    TryWarmUp(session, config);
                }
            }

            return new LoadedModel(config, instances, versionDir);
        }
        catch
        {
            foreach (var session in instances)
            {
                session.Dispose();
            }

            throw;
        }
    }

    private static void TryWarmUp(ModelSession session, ModelConfig config)
    {
        try
        {
            session.WarmUp(config.Warmup);
        }
        catch (InferenceException)
        {
            // Zeros are not a valid input for every model (e.g. a sample rate); the first request warms it instead.
        }
    }

    private static string? LatestVersion(string modelDir) =>
        Directory.EnumerateDirectories(modelDir)
            .Select(Path.GetFileName)
            .Where(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderByDescending(n => long.Parse(n!, CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private static FrozenDictionary<string, T> With<T>(FrozenDictionary<string, T> map, string key, T value)
    {
        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal) { [key] = value };
        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, T> Without<T>(FrozenDictionary<string, T> map, string key)
    {
        if (!map.ContainsKey(key))
        {
            return map;
        }

        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal);
        copy.Remove(key);
        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
