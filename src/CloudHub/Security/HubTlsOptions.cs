namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// Section <c>Hub:Security:Tls</c>: with <see cref="CertificatePath"/> both listeners speak TLS (gRPC over
/// h2 with ALPN); with <see cref="ClientCaPath"/> a client certificate issued by that CA authenticates the caller.
/// </summary>
public sealed class HubTlsOptions
{
    /// <summary>The server certificate (PEM). Default empty: plaintext listeners.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The server certificate's private key (PEM).</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The CA (PEM) that issues client certificates; their subject's OU values are the caller's roles. Default empty: no mTLS.</summary>
    public string ClientCaPath { get; set; } = "";

    public bool IsEnabled => CertificatePath.Length > 0;
}
