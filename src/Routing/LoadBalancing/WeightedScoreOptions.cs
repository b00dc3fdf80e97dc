using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// Options of the <see cref="BackendPolicies.WeightedScore"/> policy: the weight of each factor
/// (each factor is normalised to 0..1, 0 best) and the points at which the open-ended factors saturate.
/// </summary>
public sealed class WeightedScoreOptions
{
    /// <summary>Weight of GPU utilisation. Default 0.25.</summary>
    [Range(0.0, 1.0)]
    public double GpuUtilizationWeight { get; set; } = 0.25;

    /// <summary>Weight of the GPU memory fraction in use. Default 0.20.</summary>
    [Range(0.0, 1.0)]
    public double GpuMemoryWeight { get; set; } = 0.20;

    /// <summary>Weight of GPU temperature. Default 0.15.</summary>
    [Range(0.0, 1.0)]
    public double GpuTemperatureWeight { get; set; } = 0.15;

    /// <summary>Weight of the backend's queue length. Default 0.20.</summary>
    [Range(0.0, 1.0)]
    public double QueueLengthWeight { get; set; } = 0.20;

    /// <summary>Weight of the requested model not being loaded. Default 0.10.</summary>
    [Range(0.0, 1.0)]
    public double ModelLoadedWeight { get; set; } = 0.10;

    /// <summary>Weight of network round-trip time. Default 0.05.</summary>
    [Range(0.0, 1.0)]
    public double NetworkRttWeight { get; set; } = 0.05;

    /// <summary>Weight of the recent failure rate (history). Default 0.05.</summary>
    [Range(0.0, 1.0)]
    public double HistoryWeight { get; set; } = 0.05;

    /// <summary>The temperature that scores 0. Default 40 °C.</summary>
    [Range(0.0, 150.0)]
    public double TemperatureFloorC { get; set; } = 40;

    /// <summary>The temperature that scores 1; must exceed the floor. Default 90 °C.</summary>
    [Range(0.0, 150.0)]
    public double TemperatureCeilingC { get; set; } = 90;

    /// <summary>The queue length that scores 1. Default 32.</summary>
    [Range(1, int.MaxValue)]
    public int QueueLengthSaturation { get; set; } = 32;

    /// <summary>The round-trip time that scores 1. Default 200 ms.</summary>
    [Range(1.0, 60_000.0)]
    public double RttSaturationMs { get; set; } = 200;
}
