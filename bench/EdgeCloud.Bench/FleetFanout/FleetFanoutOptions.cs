using System.Globalization;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>Which broker carries the fleet in a <c>fleet-fanout</c> run.</summary>
internal enum FanoutBroker
{
    Embedded,
    Mosquitto,
}

/// <summary>Options of <c>fleet-fanout</c>: fleet sizes, brokers, measured rounds, connect batch and per-round timeout.</summary>
internal sealed record FleetFanoutOptions(int[] Agents, FanoutBroker[] Brokers, int Rounds, int ConnectBatch, TimeSpan RoundTimeout)
{
    public const string Help = """
        fleet-fanout options:
          --agents <list>        simulated agents per run, comma-separated (default 100,1000)
          --broker <list>        embedded and/or mosquitto, comma-separated (default embedded,mosquitto)
          --rounds <n>           measured desired versions per run, after one unmeasured warm-up (default 3)
          --connect-batch <n>    agents connecting at once (default 200)
          --round-timeout <s>    give up on a round's missing reports after this long (default 60)
        The hub runs in this process and the simulated agents in a child (fleet-swarm); set DOTNET_gcServer=1 so the
        hub has the server GC it runs with as CloudHub.
        """;

    public static FleetFanoutOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FleetFanoutOptions([100, 1000], [FanoutBroker.Embedded, FanoutBroker.Mosquitto], 3, 200, TimeSpan.FromSeconds(60));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--agents" => options with { Agents = [.. value.Split(',').Select(a => int.Parse(a.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))] },
                "--broker" => options with { Brokers = [.. value.Split(',').Select(ParseBroker)] },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--connect-batch" => options with { ConnectBatch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--round-timeout" => options with { RoundTimeout = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
            i++;
        }

        return options.Agents.Any(a => a < 1) || options.Rounds < 1 || options.ConnectBatch < 1
            ? throw new ArgumentException("--agents, --rounds and --connect-batch must be positive")
            : options;
    }

    private static FanoutBroker ParseBroker(string value) => value switch
    {
        "embedded" => FanoutBroker.Embedded,
        "mosquitto" => FanoutBroker.Mosquitto,
        _ => throw new ArgumentException($"--broker: '{value}' is neither embedded nor mosquitto"),
    };
}
