namespace EdgeCloud.FetchModels.Layout;

/// <summary>The tracked <c>model-configs/{model}/config.json</c> files, embedded in this tool at build time.</summary>
internal static class ModelConfigs
{
    public static string SourcePath(string model) => $"model-configs/{model}/config.json";

    /// <summary>The config's bytes, or a clear error when <c>model-configs/</c> has none for the model.</summary>
    public static async Task<byte[]> ReadAsync(string model, CancellationToken cancellationToken)
    {
        var name = SourcePath(model);
        var resource = typeof(ModelConfigs).Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => string.Equals(n.Replace('\\', '/'), name, StringComparison.Ordinal));
        await using var stream = resource is null ? null : typeof(ModelConfigs).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            throw new FetchException($"No {name} in the repository: add it (schema in DESIGN.md) and rerun.");
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
