using System.Globalization;

namespace EdgeCloud.Bench.Fuzz;

/// <summary>Options of <c>fuzz</c>: sizes, seed, per-call bound and concurrency (gRPC and REST callers per server).</summary>
internal sealed record FuzzOptions(int Count, int MqttCount, int Seed, int Concurrency, TimeSpan Bound)
{
    /// <summary>Hostile REST bodies (binary tensor data extension), half to the hub, half to the agent.</summary>
    public int RestCount { get; init; } = 20_000;

    public const string Help =
        "fuzz options: --count N (mutated ModelInferRequests, half to the hub, half to the agent; default 100000)\n" +
        "              --rest-count N (hostile REST bodies with binary tensors, half to the hub, half to the agent; default 20000)\n" +
        "              --mqtt-count N (mutated payloads an enrolled device publishes to the embedded broker; default 10000; a tenth more go to the agent)\n" +
        "              --seed N (default 1)  --concurrency N (gRPC callers per server; default 4)  --bound-seconds N (per call; default 10)";

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions(100_000, 10_000, 1, 4, TimeSpan.FromSeconds(10));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--count" => options with { Count = Positive(args[i], value) },
                "--mqtt-count" => options with { MqttCount = Positive(args[i], value) },
                "--rest-count" => options with { RestCount = Positive(args[i], value) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = Positive(args[i], value) },
                "--bound-seconds" => options with { Bound = TimeSpan.FromSeconds(Positive(args[i], value)) },
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Help}"),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer, not '{value}'");
}
