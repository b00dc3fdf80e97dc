using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The outbox's bounds and drain settings, bound from <c>Agent:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Agent:Outbox";

    /// <summary>
    /// Upper bound on the accounted bytes of undelivered events (payload + id + type + 32 per row).
    /// When an append would pass it, the oldest events are dropped (reason <c>capacity</c>).
    /// Default 256 MiB.
    /// </summary>
    [Range(typeof(long), "65536", "1099511627776")]
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long an undelivered event is kept; older ones are dropped (reason <c>age</c>).
    /// Default 7 days; 1 second to 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest payload one event may carry, in bytes. Default 64 KiB.</summary>
    [Range(16, 16 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 64 * 1024;

    /// <summary>The most appends committed in one transaction (group commit). Default 1024.</summary>
    [Range(1, 65536)]
    public int MaxAppendBatch { get; set; } = 1024;

    /// <summary>The most events sent to the hub in one call. Default 500.</summary>
    [Range(1, 10_000)]
    public int DrainBatchSize { get; set; } = 500;

    /// <summary>The most payload bytes sent to the hub in one call (one larger event still goes alone). Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int DrainBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>How long one publish to the hub may take. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed publish; later waits double up to <see cref="RetryMaxDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed publishes. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the drainer wakes without new events (to purge by age and retry). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Opt-in: append one <c>inference</c> record per answered or refused request (model, served by,
    /// degraded, latency, outcome; never inputs or outputs). Default false.
    /// </summary>
    public bool RecordInferences { get; set; }
}
