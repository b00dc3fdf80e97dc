using System.Globalization;

namespace EdgeCloud.QuantBench;

/// <summary>Command-line options of the quantize bench.</summary>
internal sealed record QuantBenchOptions(string Models, int Iterations, string? AgentDll, string WorkDirectory)
{
    public const string Help = """
        options:
          --models DIR       folder holding repo/ (default: $EDGECLOUD_MODELS, else models/ above the current folder)
          --iterations N     timed runs per variant, interleaved (default 200)
          --agent DLL        EdgeCloud.EdgeAgent.dll for the RSS check (default: the Release build beside this bench's artifacts)
          --work DIR         where variants and repositories are written (default: a fresh folder in /tmp)
        """;

    public static QuantBenchOptions Parse(string[] args)
    {
        string? models = null, agent = null, work = null;
        var iterations = 200;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i++])
            {
                case "--models": models = value; break;
                case "--iterations": iterations = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--agent": agent = value; break;
                case "--work": work = value; break;
                default: throw new ArgumentException($"unknown option {args[i - 1]}\n{Help}");
            }
        }

        return new QuantBenchOptions(
            Path.GetFullPath(models ?? FindModels()),
            iterations,
            agent ?? DefaultAgent(),
            work ?? Path.Combine(Path.GetTempPath(), "edgecloud-quantbench-" + Guid.NewGuid().ToString("N")[..8]));
    }

    public string ModelFile(string model) => Path.Combine(Models, "repo", model, "1", "model.onnx");

    private static string FindModels()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EDGECLOUD_MODELS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", "repo", "minilm", "config.json")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new InvalidOperationException("models not found: run scripts/fetch-models.sh or pass --models DIR");
    }

    /// <summary>{artifacts}/bin/EdgeCloud.EdgeAgent/release/EdgeCloud.EdgeAgent.dll, next to this bench's own output.</summary>
    private static string? DefaultAgent()
    {
        var candidate = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "EdgeCloud.EdgeAgent", "release", "EdgeCloud.EdgeAgent.dll"));
        return File.Exists(candidate) ? candidate : null;
    }
}
