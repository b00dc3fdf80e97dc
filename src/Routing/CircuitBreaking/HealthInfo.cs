namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>The outcomes sampled over a circuit's window.</summary>
internal readonly record struct HealthInfo(int Throughput, double FailureRate)
{
    public static HealthInfo Create(int successes, int failures)
    {
        var total = successes + failures;
        return total == 0 ? new HealthInfo(0, 0) : new HealthInfo(total, failures / (double)total);
    }
}
