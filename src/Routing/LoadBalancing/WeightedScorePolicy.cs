using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// The lowest weighted sum of the backend's normalised factors (each 0 best … 1 worst): GPU
/// utilisation, GPU memory, GPU temperature, queue length, the model not loaded, network RTT and
/// recent failure rate. Ties go to fewer outstanding, then the first.
/// </summary>
internal sealed class WeightedScorePolicy(IOptionsMonitor<WeightedScoreOptions> options) : IBackendPolicy
{
    public string Name => BackendPolicies.WeightedScore;

    public BackendState? Pick(RoutingContext context, IReadOnlyList<BackendState> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var current = options.CurrentValue;
        BackendState? best = null;
        var bestScore = double.MaxValue;
        var bestOutstanding = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var score = Score(candidate, context.ModelName, current);
            var outstanding = candidate.Outstanding;
            if (score < bestScore || (score == bestScore && outstanding < bestOutstanding))
            {
                (best, bestScore, bestOutstanding) = (candidate, score, outstanding);
            }
        }

        return best;
    }

    /// <summary>The backend's score for <paramref name="modelName"/>: lower is better.</summary>
    internal static double Score(BackendState backend, string modelName, WeightedScoreOptions weights)
    {
        var m = backend.Metrics;
        var temperature = (m.GpuTemperatureC - weights.TemperatureFloorC) / (weights.TemperatureCeilingC - weights.TemperatureFloorC);
        return (weights.GpuUtilizationWeight * Unit(m.GpuUtilization))
            + (weights.GpuMemoryWeight * Unit(m.GpuMemoryUsed))
            + (weights.GpuTemperatureWeight * Unit(temperature))
            + (weights.QueueLengthWeight * Unit(m.QueueLength / (double)weights.QueueLengthSaturation))
            + (weights.ModelLoadedWeight * (m.LoadedModels.Contains(modelName) ? 0 : 1))
            + (weights.NetworkRttWeight * Unit(m.RttMs / weights.RttSaturationMs))
            + (weights.HistoryWeight * Unit(backend.FailureRate));
    }

    private static double Unit(double value) => double.IsNaN(value) ? 1 : Math.Clamp(value, 0, 1);
}
