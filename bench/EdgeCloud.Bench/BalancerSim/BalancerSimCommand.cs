using System.Diagnostics;
using System.Globalization;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Bench.BalancerSim;

/// <summary>
/// <c>balancer-sim</c>: the seven backend policies of src/Routing on a mixed fleet of fast and slow
/// backends, simulated in process on fake time with seeded randomness, so runs are exact repeats.
/// </summary>
internal static class BalancerSimCommand
{
    public const string Help =
        "balancer-sim options: --requests N (default 200000), --seed N (default 42), --loads 0.5,0.8 (fractions of fleet capacity), " +
        "--report-ms N (how often backends report metrics for WeightedScore, default 100)";

    private static readonly string[] Policies =
    [
        BackendPolicies.RoundRobin, BackendPolicies.WeightedRoundRobin, BackendPolicies.LeastOutstanding, BackendPolicies.PowerOfTwoChoices,
        BackendPolicies.ConsistentHashBoundedLoad, BackendPolicies.EwmaLatency, BackendPolicies.WeightedScore,
    ];

    public static int Run(string[] args)
    {
        var requests = 200_000;
        var seed = 42;
        double[] loads = [0.5, 0.8];
        var reportEvery = TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--loads": loads = [.. args[++i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--report-ms": reportEvery = TimeSpan.FromMilliseconds(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'. {Help}");
                    return 2;
            }
        }

        // Six fast GPU workers and two five times slower ones (an older card, or a busy shared node); two slots each.
        SimBackendSpec[] fleet = [new(6, "fast", 0.010, 2, 5), new(2, "slow", 0.050, 2, 1)];
        Console.WriteLine($"balancer-sim: {requests} requests per run, seed {seed}; fleet: 6 fast (10 ms mean, 2 slots) + 2 slow (50 ms mean, 2 slots); " +
            $"service times lognormal σ={SimScenario.ServiceSigma}; open-loop Poisson arrivals; metrics reported every {reportEvery.TotalMilliseconds:0} ms (WeightedScore); " +
            "affinity keys: 10,000 sessions (ConsistentHashBoundedLoad); WeightedRoundRobin weights 5:1 (by capacity).");
        foreach (var load in loads)
        {
            var scenario = new SimScenario($"{load:P0} load", fleet, load, requests, seed, reportEvery);
            var workload = scenario.Draw();
            Console.WriteLine();
            Console.WriteLine($"### {scenario.Name} ({load * scenario.Capacity:0} req/s of {scenario.Capacity:0} capacity)");
            Console.WriteLine();
            Console.WriteLine("| policy | p50 ms | p99 ms | p99.9 ms | mean ms | share to slow | max queue |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var policy in Policies)
            {
                var started = Stopwatch.GetTimestamp();
                var result = BalancerSimulation.Run(scenario, workload, policy);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {policy} | {result.P50:0.0} | {result.P99:0.0} | {result.P999:0.0} | {result.Mean:0.0} | {result.ShareByKind["slow"]:P1} | {result.MaxQueue} |"));
                Console.Error.WriteLine($"  ({policy}: simulated in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
            }
        }

        return 0;
    }
}
