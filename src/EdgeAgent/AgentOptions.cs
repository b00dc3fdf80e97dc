using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent;

/// <summary>The agent's settings, section <c>Agent</c>. Everything binds to loopback by default.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>This device's id in the fleet. Default: the machine name.</summary>
    [Required]
    public string DeviceId { get; set; } = Environment.MachineName;

    /// <summary>The fleet the device belongs to. Default <c>default</c>.</summary>
    [Required]
    public string Fleet { get; set; } = "default";

    /// <summary>On-device gRPC (h2c) port. Default 9001.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 9001;

    /// <summary>On-device HTTP port (REST, health). Default 9000.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 9000;

    /// <summary>The address the on-device API listens on. Default 127.0.0.1.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Allows a non-loopback <see cref="BindAddress"/> without authentication. Default false.</summary>
    public bool AllowUnauthenticatedRemote { get; set; }

    /// <summary>The device's data folder: its SQLite database and its local model store. Default <c>.data/agent</c>.</summary>
    [Required]
    public string DataDir { get; set; } = ".data/agent";

    /// <summary>A folder laid out like the hub's repository that seeds the device's models; empty for none.</summary>
    public string ModelRepository { get; set; } = "";

    /// <summary>The largest request accepted, in bytes. Default 64 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    public CloudLinkOptions Cloud { get; set; } = new();

    /// <summary>Section <c>Agent:Security</c>: API keys for a non-loopback bind, the model trust key.</summary>
    public Security.AgentSecurityOptions Security { get; set; } = new();
}
