using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.CloudHub;

/// <summary>
/// Section <c>Hub:Mqtt:Tls</c>: a TLS listener on the embedded broker for devices off this machine.
/// Set <see cref="CertificatePath"/> and <see cref="KeyPath"/> together (PEM) to turn it on.
/// </summary>
public sealed class HubMqttTlsOptions
{
    /// <summary>The broker's certificate (PEM, the chain after the leaf). Default empty: no TLS listener.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The certificate's private key (PEM). Default empty.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The TLS listener's port (MQTT over TLS). Default 8883.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8883;

    /// <summary>True when a certificate and key are configured.</summary>
    public bool IsEnabled => CertificatePath.Length > 0 && KeyPath.Length > 0;
}
