namespace EdgeCloud.TestUtilities;

/// <summary>Finds the real models fetched by scripts/fetch-models.sh (never in git).</summary>
public static class TestModels
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The hub-style repository: <c>models/repo/{model}/1/model.onnx</c>.</summary>
    public static string Repository => Path.Combine(Root.Value, "repo");

    public static string ModelFile(string model) => Path.Combine(Repository, model, "1", "model.onnx");

    public static string MiniLmVocab => Path.Combine(Repository, "minilm", "vocab.txt");

    /// <summary>Copies one model's folder into a fresh repository under <paramref name="targetRoot"/>.</summary>
    public static void CopyModel(string model, string targetRoot)
    {
        var source = Path.Combine(Repository, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(targetRoot, model, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EDGECLOUD_MODELS");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "repo", "minilm", "config.json")))
        {
            return fromEnv;
        }

        // From the build output (inside the repository) or from the working directory (builds elsewhere).
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models");
                if (File.Exists(Path.Combine(candidate, "repo", "minilm", "config.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "The test models are missing: run scripts/fetch-models.sh (or set EDGECLOUD_MODELS to the folder holding repo/).");
    }
}
