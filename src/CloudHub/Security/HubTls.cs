using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// Puts a listener on TLS when <c>Hub:Security:Tls:CertificatePath</c> is set. A client certificate is
/// requested when a client CA is configured; the handshake accepts any, and <see cref="ClientCertificateAuthenticator"/>
/// decides (so an untrusted certificate gets a clear UNAUTHENTICATED instead of a failed handshake).
/// </summary>
public static class HubTls
{
    public static void Configure(ListenOptions listen, HubSecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(security);
        var tls = security.Tls;
        if (!security.Enabled || !tls.IsEnabled)
        {
            return;
        }

        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath),
            ClientCertificateMode = tls.ClientCaPath.Length > 0 ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
            ClientCertificateValidation = static (_, _, _) => true,
        });
    }

    internal static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }
}
