using System.Collections.Frozen;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>The latest metrics a backend reported, as an immutable snapshot.</summary>
public sealed record BackendMetrics
{
    /// <summary>No report yet: all zero, no model loaded.</summary>
    public static BackendMetrics Empty { get; } = new();

    /// <summary>GPU utilisation as a fraction, 0..1.</summary>
    public double GpuUtilization { get; init; }

    /// <summary>GPU memory in use as a fraction of the total, 0..1.</summary>
    public double GpuMemoryUsed { get; init; }

    /// <summary>GPU temperature in degrees Celsius.</summary>
    public double GpuTemperatureC { get; init; }

    /// <summary>Requests queued on the backend.</summary>
    public int QueueLength { get; init; }

    /// <summary>The names of the models loaded and ready on the backend.</summary>
    public IReadOnlySet<string> LoadedModels { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Network round-trip time to the backend, in milliseconds.</summary>
    public double RttMs { get; init; }
}
