namespace EdgeCloud.Bench.BalancerSim;

/// <summary>
/// A fleet of backends (each with parallel slots and a mean service time) and an open-loop Poisson
/// workload at a fraction of the fleet's capacity. The workload is drawn once from the seed, so every
/// policy sees the same arrivals, service-time draws and affinity keys. Backends report their metrics every
/// <c>ReportEvery</c> of simulated time (what WeightedScore reads).
/// </summary>
internal sealed record SimScenario(string Name, IReadOnlyList<SimBackendSpec> Backends, double Load, int Requests, int Seed, TimeSpan ReportEvery)
{
    /// <summary>Lognormal spread of service times around each backend's mean (σ of the log).</summary>
    public const double ServiceSigma = 0.5;

    public const int AffinityKeys = 10_000;

    /// <summary>Requests per second the fleet can serve: Σ backends × slots / mean service time.</summary>
    public double Capacity => Backends.Sum(b => b.Count * b.Slots / b.MeanServiceSeconds);

    public SimWorkload Draw()
    {
        var random = new Random(Seed);
        var rate = Load * Capacity;
        var arrivals = new long[Requests];
        var factors = new double[Requests];
        var keys = new int[Requests];
        double t = 0;
        for (var i = 0; i < Requests; i++)
        {
            t += -Math.Log(1 - random.NextDouble()) / rate;
            arrivals[i] = SimulatedTime.FromSeconds(t);
            factors[i] = Math.Exp((Gaussian(random) * ServiceSigma) - (ServiceSigma * ServiceSigma / 2));
            keys[i] = random.Next(AffinityKeys);
        }

        return new SimWorkload(arrivals, factors, keys);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>One kind of backend in a scenario.</summary>
/// <param name="Count">How many such backends.</param>
/// <param name="Kind">A label (e.g. fast, slow).</param>
/// <param name="MeanServiceSeconds">Its mean service time.</param>
/// <param name="Slots">Requests it runs at once; more wait in its FIFO queue.</param>
/// <param name="Weight">Its weight for WeightedRoundRobin, as an operator would set it (proportional to capacity).</param>
internal sealed record SimBackendSpec(int Count, string Kind, double MeanServiceSeconds, int Slots, int Weight);

/// <summary>The drawn workload: arrival timestamps, service-time factors (mean 1) and affinity keys.</summary>
internal sealed record SimWorkload(long[] Arrivals, double[] ServiceFactors, int[] AffinityKeys);
