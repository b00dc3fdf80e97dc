using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>Deferred cloud jobs, bound from <c>Agent:Jobs</c>.</summary>
public sealed class DeferredJobOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Agent:Jobs";

    /// <summary>How long a finished job's result (or error) can be fetched. Default 1 hour; 1 second to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ResultTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most jobs waiting for the link; beyond it a deferral is refused (RESOURCE_EXHAUSTED). Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int MaxPending { get; set; } = 1000;

    /// <summary>The first wait after a job found the link down; later waits double up to <see cref="RetryMaxDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts while the link is down. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the runner wakes with nothing pending (to purge expired results). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
