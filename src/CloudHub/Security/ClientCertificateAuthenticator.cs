using System.Security.Cryptography.X509Certificates;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// A TLS client certificate, accepted only when it chains to <c>Hub:Security:Tls:ClientCaPath</c> (and is in
/// its validity period, and allowed for client authentication). Its subject's OU values are the caller's roles; a
/// certificate with role <c>device</c> speaks for the device named by its common name.
/// </summary>
internal sealed class ClientCertificateAuthenticator(X509Certificate2Collection trustedRoots, TimeProvider time) : ICallerAuthenticator
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string OrganizationalUnit = "2.5.4.11";

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        if (context.Connection.ClientCertificate is not { } certificate)
        {
            return ValueTask.FromResult(AuthenticationOutcome.NotPresented);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ClientAuthentication));
        if (!chain.Build(certificate))
        {
            var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal));
            return ValueTask.FromResult(AuthenticationOutcome.Fail($"the client certificate '{certificate.Subject}' is not trusted: {why}"));
        }

        var roles = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().Value == OrganizationalUnit)
            .Select(r => r.GetSingleElementValue() ?? "")
            .Where(SecurityRoles.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return ValueTask.FromResult(AuthenticationOutcome.Success(new Caller($"cert:{name}", roles, roles.Contains(SecurityRoles.Device) ? name : null)));
    }
}
