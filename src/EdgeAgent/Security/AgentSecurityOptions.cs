namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// Section <c>Agent:Security</c>. On loopback the on-device API needs no credential; bound elsewhere, it
/// needs an API key (<c>x-api-key</c> or <c>Authorization: Bearer</c>) whose sha256 is listed here.
/// </summary>
public sealed class AgentSecurityOptions
{
    /// <summary>Lowercase hex sha256 of each API key accepted on a non-loopback bind (<c>printf %s "$KEY" | sha256sum</c>). Default none.</summary>
    public string[] ApiKeyHashes { get; set; } = [];

    /// <summary>The hub's manifest signing public key (PEM); when set, only manifests it signed are staged. Default empty: not checked.</summary>
    public string ModelTrustKeyPath { get; set; } = "";
}
