using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// Section <c>Hub:Security</c>. Off by default (loopback development); when <see cref="Enabled"/>, every gRPC
/// method and REST endpoint but liveness needs a credential holding its role, and the hub may bind a
/// non-loopback address.
/// </summary>
public sealed class HubSecurityOptions
{
    /// <summary>Authenticate and authorize every call. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>An admin API key accepted from the start (environment <c>Hub__Security__BootstrapAdminKey</c>); at least 32 characters. Default empty.</summary>
    public string BootstrapAdminKey { get; set; } = "";

    /// <summary>A file (mode 0600) holding the bootstrap admin key, instead of <see cref="BootstrapAdminKey"/>. Default empty.</summary>
    public string BootstrapAdminKeyFile { get; set; } = "";

    /// <summary>
    /// The PEM ECDSA P-256 private key that signs published model manifests. Empty: the hub creates
    /// <c>{Hub:DataDir}/model-signing.key</c> once and writes its public key beside it (<c>model-signing.pub</c>).
    /// </summary>
    public string ModelSigningKeyPath { get; set; } = "";

    public HubJwtOptions Jwt { get; set; } = new();

    public HubTlsOptions Tls { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();
}
