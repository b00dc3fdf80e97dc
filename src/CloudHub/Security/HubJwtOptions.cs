namespace EdgeCloud.CloudHub.Security;

/// <summary>Section <c>Hub:Security:Jwt</c>: bearer tokens from an identity provider; empty <see cref="Issuer"/> turns JWTs off.</summary>
public sealed class HubJwtOptions
{
    /// <summary>The only accepted <c>iss</c>. Default empty (JWT off).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The only accepted <c>aud</c>. Required with <see cref="Issuer"/>.</summary>
    public string Audience { get; set; } = "";

    /// <summary>PEM public keys (RSA or ECDSA) whose signatures are accepted.</summary>
    public string[] SigningKeyPaths { get; set; } = [];

    /// <summary>The claim holding the caller's roles (<c>infer</c>, <c>device</c>, <c>admin</c>). Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Tolerated clock difference for <c>exp</c>/<c>nbf</c>. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
