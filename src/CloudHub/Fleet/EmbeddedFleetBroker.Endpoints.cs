using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;

namespace EdgeCloud.CloudHub.Fleet;

internal sealed partial class EmbeddedFleetBroker
{
    /// <summary>
    /// The broker's listeners: plaintext on <c>Hub:BindAddress</c> when it is loopback or <c>Hub:Mqtt:AllowPlaintext</c> is
    /// set (otherwise on loopback only, beside TLS), and TLS 1.2+ on <c>Hub:Mqtt:Tls:Port</c> when a certificate is configured.
    /// <see cref="FleetBrokerTlsValidator"/> has already refused plaintext-only off loopback.
    /// </summary>
    private static MqttServerOptions BuildOptions(HubOptions hub)
    {
        var bind = IPAddress.Parse(hub.BindAddress);
        var mqtt = hub.Mqtt;
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.IsLoopback(bind) || mqtt.AllowPlaintext ? bind : IPAddress.Loopback)
            .WithDefaultEndpointPort(mqtt.Port)
            .WithConnectionBacklog(4096)
            .WithMaxPendingMessagesPerClient(mqtt.MaxPendingMessagesPerClient);
        if (mqtt.Tls.IsEnabled)
        {
            builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(bind)
                .WithEncryptedEndpointPort(mqtt.Tls.Port)
                .WithEncryptionCertificate(LoadCertificate(mqtt.Tls))
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
        }

        return builder.Build();
    }

    private static X509Certificate2 LoadCertificate(HubMqttTlsOptions tls)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new InvalidOperationException($"Hub:Mqtt:Tls: cannot load the certificate '{tls.CertificatePath}' with the key '{tls.KeyPath}': {ex.Message}", ex);
        }
    }
}
