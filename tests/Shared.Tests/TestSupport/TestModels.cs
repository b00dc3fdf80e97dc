using System.Reflection;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>
/// Finds the real models fetched by <c>scripts/fetch-models.sh</c>: <c>$EDGECLOUD_MODELS/repo</c> when set,
/// else <c>models/repo</c> in a folder above the test binaries (or above the source the tests were built from).
/// Missing models fail the test with a message saying how to get them; they never skip it.
/// </summary>
internal static class TestModels
{
    public const string EnvironmentVariable = "EDGECLOUD_MODELS";
    public const string SileroVad = "silero-vad";
    public const string MiniLm = "minilm";
    public const string OcrCls = "ocr-cls";
    public const string ResNet18 = "resnet18";

    private const string Marker = "minilm/config.json";

    private static readonly Lazy<string> LazyRepository = new(Locate);

    /// <summary>The Triton-like repository folder (<c>models/repo</c>).</summary>
    public static string Repository => LazyRepository.Value;

    /// <summary>The folder of one model, checked to hold its config and version 1.</summary>
    public static string Folder(string model)
    {
        var folder = Path.Combine(Repository, model);
        var onnx = Path.Combine(folder, "1", "model.onnx");
        if (!File.Exists(Path.Combine(folder, "config.json")) || !File.Exists(onnx))
        {
            throw new InvalidOperationException(
                $"model '{model}' is incomplete in {Repository} (expected {model}/config.json and {model}/1/model.onnx); run scripts/fetch-models.sh");
        }

        return folder;
    }

    /// <summary>The version-1 model file of one model.</summary>
    public static string OnnxFile(string model) => Path.Combine(Folder(model), "1", "model.onnx");

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var repo = Path.Combine(Path.GetFullPath(fromEnvironment), "repo");
            return File.Exists(Path.Combine(repo, Marker))
                ? repo
                : throw new InvalidOperationException(
                    $"{EnvironmentVariable} is '{fromEnvironment}', but {Path.Combine(repo, Marker)} does not exist; run scripts/fetch-models.sh " +
                    $"(or point {EnvironmentVariable} at the folder that holds repo/)");
        }

        var starts = new List<string> { AppContext.BaseDirectory };
        var sourceRoot = typeof(TestModels).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "EdgeCloudSourceRoot")?.Value;
        if (!string.IsNullOrEmpty(sourceRoot))
        {
            starts.Add(sourceRoot);
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var repo = Path.Combine(dir.FullName, "models", "repo");
                if (File.Exists(Path.Combine(repo, Marker)))
                {
                    return repo;
                }
            }
        }

        throw new InvalidOperationException(
            $"no models/repo/{Marker} found above {string.Join(" or ", starts)}; run scripts/fetch-models.sh " +
            $"(or set {EnvironmentVariable} to the folder that holds repo/)");
    }
}
