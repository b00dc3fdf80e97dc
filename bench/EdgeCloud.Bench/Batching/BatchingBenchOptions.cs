using System.Globalization;

namespace EdgeCloud.Bench.Batching;

/// <summary>Options of the <c>batching</c> command.</summary>
internal sealed record BatchingBenchOptions
{
    public const string Help =
        "batching options: --model minilm|ocr-rec (default minilm), --concurrency 1,8,32,64, --seconds N per cell (default 10), " +
        "--warmup N seconds per cell (default 3), --intra-op N (default 1), --hub-dll PATH (default: the Release build next to the bench)";

    public string Model { get; init; } = "minilm";

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32, 64];

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public int IntraOpThreads { get; init; } = 1;

    public string HubDll { get; init; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "EdgeCloud.CloudHub", "release", "EdgeCloud.CloudHub.dll"));

    /// <summary>The options, or null (after saying why on stderr) when an argument is wrong.</summary>
    public static BatchingBenchOptions? Parse(string[] args)
    {
        var options = new BatchingBenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"option '{args[i]}' needs a value");
                return null;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--model": options = options with { Model = value }; break;
                case "--concurrency": options = options with { Concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] }; break;
                case "--seconds": options = options with { Measure = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) }; break;
                case "--warmup": options = options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) }; break;
                case "--intra-op": options = options with { IntraOpThreads = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--hub-dll": options = options with { HubDll = Path.GetFullPath(value) }; break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'");
                    return null;
            }
        }

        if (options.Model is not ("minilm" or "ocr-rec"))
        {
            Console.Error.WriteLine($"--model must be minilm or ocr-rec, got '{options.Model}'");
            return null;
        }

        return options;
    }
}
