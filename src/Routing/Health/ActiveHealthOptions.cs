using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.Health;

/// <summary>Options of <see cref="IActiveHealthTracker"/>.</summary>
public sealed class ActiveHealthOptions
{
    /// <summary>How often each backend is probed. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive successful probes that mark a backend healthy. Default 2.</summary>
    [Range(1, 100)]
    public int HealthyThreshold { get; set; } = 2;

    /// <summary>Consecutive failed probes that mark a backend unhealthy. Default 3.</summary>
    [Range(1, 100)]
    public int UnhealthyThreshold { get; set; } = 3;
}
