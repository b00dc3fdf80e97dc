using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Models;

/// <summary>
/// Chooses which variant file of a model version to load: an explicit choice when configured,
/// else the first variant that prefers the provider the session will run on, else fp32, else the first.
/// Only variants whose file exists in the version folder count.
/// </summary>
public static class VariantSelector
{
    public static ModelVariantConfig Choose(ModelConfig config, string versionDirectory, string provider, string? explicitVariant)
    {
        var present = config.Variants.Where(v => File.Exists(Path.Combine(versionDirectory, v.File))).ToList();
        if (present.Count == 0)
        {
            throw new FileNotFoundException(
                $"model '{config.Name}': none of its variant files ({string.Join(", ", config.Variants.Select(v => v.File))}) is in {versionDirectory}");
        }

        if (!string.IsNullOrEmpty(explicitVariant))
        {
            return present.FirstOrDefault(v => v.Id == explicitVariant)
                ?? throw new FileNotFoundException(
                    $"model '{config.Name}': variant '{explicitVariant}' was asked for; present: {string.Join(", ", present.Select(v => v.Id))}");
        }

        return present.FirstOrDefault(v => v.PreferOn.Contains(provider))
            ?? present.FirstOrDefault(v => v.Id == "fp32")
            ?? present[0];
    }

    /// <summary>The first configured provider that this ONNX Runtime build has: where sessions will most likely run.</summary>
    public static string ExpectedProvider(InferenceOptions options, IReadOnlyCollection<string> availableOrtProviders) =>
        options.Providers.FirstOrDefault(p => availableOrtProviders.Contains(ExecutionProviders.OrtName(p)))
        ?? options.Providers[0];
}
