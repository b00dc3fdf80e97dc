using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.Health;

/// <summary>Options of <see cref="IPassiveHealthPolicy"/>.</summary>
public sealed class PassiveHealthOptions
{
    /// <summary>A failure rate above this over the window ejects the backend. Default 0.3.</summary>
    [Range(0.0, 1.0)]
    public double FailureRateLimit { get; set; } = 0.3;

    /// <summary>The sliding window over which outcomes count. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DetectionWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The fewest outcomes in the window before a backend may be ejected. Default 10.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumRequests { get; set; } = 10;

    /// <summary>How long an ejected backend stays out. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
