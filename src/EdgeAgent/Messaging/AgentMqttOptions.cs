using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>
/// Section <c>Agent:Mqtt</c>: the agent's link to the fleet broker (the hub's embedded broker or mosquitto).
/// An empty <see cref="Host"/> leaves the agent out of fleet management.
/// </summary>
public sealed class AgentMqttOptions
{
    public const string Section = "Agent:Mqtt";

    /// <summary>The broker's host; empty disables fleet management. Default empty.</summary>
    public string Host { get; set; } = "";

    /// <summary>The broker's port. Default 1883.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Connect over TLS (MQTT over TLS, e.g. the hub's <c>Hub:Mqtt:Tls:Port</c>). Default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>A PEM CA certificate (a private CA) the broker's certificate must chain to, with <see cref="UseTls"/>; empty trusts the system roots. Default empty.</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>Allows plaintext MQTT (the device secret in the clear) to a <see cref="Host"/> off this machine: trusted networks only. Default false.</summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>The device secret issued when the device was registered at the hub (the username is <c>Agent:DeviceId</c>).</summary>
    public string Password { get; set; } = "";

    /// <summary>The groups whose desired state this device follows (the hub's registry must list them too).</summary>
    public string[] Groups { get; set; } = [];

    /// <summary>
    /// The hub's gRPC endpoint for model downloads; empty uses <c>Agent:Cloud:Endpoint</c>. <c>http://</c> to a host off
    /// this machine is refused unless <see cref="AllowPlaintext"/>.
    /// </summary>
    public string DownloadEndpoint { get; set; } = "";

    /// <summary>How often telemetry is published. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TelemetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first reconnect delay; it doubles up to <see cref="MaxBackoff"/>. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT keep-alive; the broker publishes the will after 1.5 of these without traffic. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The largest payload accepted on a fleet topic. Default 262,144 (256 KiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;
}
