using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Section <c>Hub:Fleet</c>: fleet management (device registry, desired state, model distribution, rollouts).</summary>
public sealed class FleetHubOptions
{
    public const string Section = "Hub:Fleet";

    /// <summary>Run fleet management (broker or broker link, registry, admin API). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The fleet whose hub presence (<c>…/hub/state</c>) this hub publishes. Default <c>default</c>.</summary>
    [Required]
    public string Name { get; set; } = "default";

    /// <summary>
    /// The password of the operator identity <c>hub</c> on the embedded broker (full access); empty disables
    /// that login. The hub itself publishes without logging in.
    /// </summary>
    public string OperatorPassword { get; set; } = "";

    /// <summary>A bearer token the admin API (<c>/admin/v1</c>) requires; empty: no token (loopback only).</summary>
    public string AdminToken { get; set; } = "";

    /// <summary>The largest MQTT payload accepted on a fleet topic, in bytes. Default 262,144 (256 KiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>How often registry changes (presence, reports, telemetry) are written to the hub database. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The size of one model download chunk, in bytes. Default 65,536.</summary>
    [Range(4096, 4 * 1024 * 1024)]
    public int ChunkBytes { get; set; } = 64 * 1024;

    /// <summary>The largest model file accepted by the admin API, in bytes. Default 4 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxModelFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
