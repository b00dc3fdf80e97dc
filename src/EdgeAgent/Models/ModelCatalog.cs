using System.Collections.Concurrent;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.EdgeAgent.Models;

/// <summary>
/// The configs of every model the device knows, local or cloud-only, read from its model store.
/// Routing reads placement and modality here; a model not in the catalog is treated as cloud-only.
/// </summary>
internal sealed class ModelCatalog(ModelStore store)
{
    private readonly ConcurrentDictionary<string, ModelConfig?> _configs = new(StringComparer.Ordinal);

    public ModelConfig? Find(string name) => _configs.GetOrAdd(name, static (n, s) => Read(s, n), store);

    /// <summary>Models whose placement lets them run on the device.</summary>
    public IReadOnlyList<string> EdgeModels() =>
        [.. store.ModelNames().Where(n => Find(n) is { Placement: not ModelPlacement.Cloud })];

    /// <summary>Forgets cached configs, e.g. after a model update.</summary>
    public void Refresh() => _configs.Clear();

    private static ModelConfig? Read(ModelStore store, string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(store.Root, name, "config.json");
        return File.Exists(path) ? ModelConfigReader.Read(path, name) : null;
    }
}
