using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.CloudHub;

/// <summary>Section <c>Hub:Mqtt</c>: the embedded broker (default) or an external one.</summary>
public sealed class HubMqttOptions
{
    /// <summary>Run the embedded MQTT broker. Default true.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Broker port (embedded) or the external broker's port. Default 1883.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>The external broker's host when <see cref="Embedded"/> is false. Default 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The hub's login on the external broker (full access to <c>edgecloud/v1/#</c> there). Default <c>hub</c>.</summary>
    public string Username { get; set; } = "hub";

    /// <summary>The hub's password on the external broker; empty for none.</summary>
    public string Password { get; set; } = "";

    /// <summary>The embedded broker's TLS listener (section <c>Hub:Mqtt:Tls</c>).</summary>
    public HubMqttTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Lets the embedded broker take plaintext MQTT on a non-loopback <c>Hub:BindAddress</c> (device secrets in the
    /// clear: trusted networks only). Default false: off loopback, plaintext is refused at start-up without a TLS
    /// listener, and with one the plaintext listener binds to loopback only.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>Messages queued per client on the embedded broker before the oldest is dropped. Default 10,000.</summary>
    [Range(100, 1_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 10_000;
}
