using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>The result cache's bounds, bound from <c>Agent:Cache</c>.</summary>
public sealed class ResultCacheOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Agent:Cache";

    /// <summary>Whether results are cached at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Upper bound on stored payload bytes; least-recently-used entries are evicted to stay under it.
    /// Default 64 MiB. The file is somewhat larger (keys, indexes, free pages).
    /// </summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long a result stays valid after it is stored (not extended by hits). Default 10 minutes;
    /// 1 second to 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(10);
}
