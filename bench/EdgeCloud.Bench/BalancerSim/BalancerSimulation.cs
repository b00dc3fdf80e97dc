using EdgeCloud.Routing;
using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Bench.BalancerSim;

/// <summary>
/// Runs one policy over one scenario as a discrete-event simulation: the real policies from src/Routing
/// pick among real <see cref="BackendState"/>s whose clock is <see cref="SimulatedTime"/>; completions feed
/// outstanding counts and the peak-EWMA latency; backends report queue and utilisation periodically.
/// </summary>
internal static class BalancerSimulation
{
    private const string Model = "model";

    public static SimResult Run(SimScenario scenario, SimWorkload workload, string policyName)
    {
        var time = new SimulatedTime();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IRandomSource>(new SeededRandomSource(scenario.Seed));
        services.AddEdgeCloudRouting();
        using var provider = services.BuildServiceProvider();
        var policy = provider.GetRequiredService<IBackendPolicyRegistry>().Get(policyName);
        var circuits = provider.GetRequiredService<ICircuitBreakerFactory>();

        var backends = new List<SimBackend>();
        foreach (var spec in scenario.Backends)
        {
            for (var i = 0; i < spec.Count; i++)
            {
                var id = $"{spec.Kind}-{i}";
                backends.Add(new SimBackend(new BackendState(id, id, circuits.Create(id), time, spec.Weight), spec));
            }
        }

        var states = backends.Select(b => b.State).ToArray();
        var byState = backends.ToDictionary(b => b.State);
        var latencies = new long[workload.Arrivals.Length];
        var completions = new PriorityQueue<(int Request, SimBackend Backend), long>();
        var reportEvery = SimulatedTime.FromSeconds(scenario.ReportEvery.TotalSeconds);
        long nextReport = 0;

        for (var request = 0; request < workload.Arrivals.Length; request++)
        {
            var arrival = workload.Arrivals[request];
            while (completions.TryPeek(out _, out var at) && at <= arrival)
            {
                Complete(completions, time, workload, latencies, at);
            }

            time.Now = arrival;
            if (arrival >= nextReport)
            {
                backends.ForEach(b => b.Report(Model));
                nextReport = arrival + reportEvery;
            }

            var picked = byState[policy.Pick(new RoutingContext(Model, $"session-{workload.AffinityKeys[request]}"), states)!];
            picked.Picked++;
            picked.State.RequestStarted();
            if (picked.Busy < picked.Spec.Slots)
            {
                Start(completions, picked, request, arrival, workload);
            }
            else
            {
                picked.Waiting.Enqueue(request);
                picked.MaxQueue = Math.Max(picked.MaxQueue, picked.Waiting.Count);
            }
        }

        while (completions.TryPeek(out _, out var at))
        {
            Complete(completions, time, workload, latencies, at);
        }

        return SimResult.From(policyName, latencies, backends);
    }

    private static void Start(PriorityQueue<(int, SimBackend), long> completions, SimBackend backend, int request, long now, SimWorkload workload)
    {
        backend.Busy++;
        var service = SimulatedTime.FromSeconds(backend.Spec.MeanServiceSeconds * workload.ServiceFactors[request]);
        completions.Enqueue((request, backend), now + service);
    }

    private static void Complete(
        PriorityQueue<(int Request, SimBackend Backend), long> completions, SimulatedTime time, SimWorkload workload, long[] latencies, long at)
    {
        var (request, backend) = completions.Dequeue();
        time.Now = at;
        var latency = at - workload.Arrivals[request];
        latencies[request] = latency;
        backend.Busy--;
        backend.State.RequestEnded(TimeSpan.FromTicks(latency / (SimulatedTime.TicksPerSecond / TimeSpan.TicksPerSecond)));
        if (backend.Waiting.TryDequeue(out var next))
        {
            Start(completions, backend, next, at, workload);
        }
    }
}
