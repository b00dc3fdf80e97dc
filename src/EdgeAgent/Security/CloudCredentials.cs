using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// Secures the agent's link to the hub: trusts <c>Agent:Cloud:CaCertificatePath</c> for https, and presents the
/// credential in <c>Agent:Cloud:CredentialFile</c> (mode 0600) on every call: an API key as <c>x-api-key</c>, or a
/// PEM client certificate with its key as the TLS client certificate. The credential is never logged. Every channel
/// to the hub is built here: the cloud link's and the model downloader's.
/// </summary>
internal static class CloudCredentials
{
    /// <param name="sendApiKey">
    /// False where the call carries a credential of its own (the model downloader's device secret): the CA and a
    /// client certificate still apply, but an API key would take precedence over that credential at the hub.
    /// </param>
    public static HttpMessageHandler Wrap(SocketsHttpHandler handler, CloudLinkOptions options, bool sendApiKey = true)
    {
        if (options.CaCertificatePath.Length > 0)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(options.CaCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, roots);
        }

        if (options.CredentialFile.Length == 0)
        {
            return handler;
        }

        var credential = CredentialFile.Read("Agent:Cloud:CredentialFile", options.CredentialFile);
        if (credential.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPem(credential, credential)];
            return handler;
        }

        return sendApiKey ? new ApiKeyHandler(credential) { InnerHandler = handler } : handler;
    }

    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private sealed class ApiKeyHandler(string key) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
