using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>
/// The agent's MQTT transport: TLS 1.2+ when <c>Agent:Mqtt:UseTls</c> is set, the broker's certificate checked for its
/// name and chained to <c>Agent:Mqtt:CaCertificatePath</c> (a private CA) or to the system roots.
/// </summary>
internal static class MqttTransport
{
    public static MqttClientOptionsBuilder WithFleetTransport(this MqttClientOptionsBuilder builder, AgentMqttOptions options)
    {
        if (!options.UseTls)
        {
            return builder;
        }

        var roots = options.CaCertificatePath.Length > 0 ? LoadRoots(options.CaCertificatePath) : null;
        return builder.WithTlsOptions(tls => tls
            .UseTls()
            .WithTargetHost(options.Host)
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithCertificateValidationHandler(args => Trusted(args.Certificate, args.SslPolicyErrors, roots)));
    }

    /// <summary>True when the broker's certificate names the host and chains to <paramref name="roots"/> (or, without them, the system's).</summary>
    internal static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? roots)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        if (roots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }
}
