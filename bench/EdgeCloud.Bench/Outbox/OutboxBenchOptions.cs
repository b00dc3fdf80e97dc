using System.Globalization;

namespace EdgeCloud.Bench.Outbox;

/// <summary>Options of <c>outbox</c>: how long each step runs, the producer counts, and the drain size.</summary>
internal sealed record OutboxBenchOptions(TimeSpan Duration, TimeSpan Warmup, int[] Producers, int PayloadBytes, int DrainEvents, string? WorkDir)
{
    public const string Help = """
        outbox options:
          --duration <s>        measured seconds per step (default 5)
          --warmup <s>          unmeasured seconds before each step (default 1)
          --producers <list>    concurrent producers, comma-separated (default 1,8,64)
          --payload <bytes>     JSON payload size per event (default 200)
          --drain-events <n>    events queued before the drain is measured (default 100000)
          --work-dir <path>     where the temporary databases go (default: the system temp folder)
        """;

    public static OutboxBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OutboxBenchOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), [1, 8, 64], 200, 100_000, null);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--producers" => options with { Producers = [.. value.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] },
                "--payload" => options with { PayloadBytes = int.Parse(value, CultureInfo.InvariantCulture) },
                "--drain-events" => options with { DrainEvents = int.Parse(value, CultureInfo.InvariantCulture) },
                "--work-dir" => options with { WorkDir = value },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
            i++;
        }

        return options;
    }
}
