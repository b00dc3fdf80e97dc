using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Shared.Security;

/// <summary>The per-caller token bucket: <see cref="Burst"/> calls at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained calls per second per caller. Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 1000;

    /// <summary>The bucket size: calls a caller may make at once after being idle. Default 2000.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 2000;
}
