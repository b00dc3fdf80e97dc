using System.Security.Cryptography.X509Certificates;
using EdgeCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// Audits, once per start, that the agent loaded its hub credential (<c>Agent:Cloud:CredentialFile</c>): which file,
/// and whether it is an API key or a client certificate (subject and expiry). Never the secret itself. A file that is
/// missing or readable by others never gets here: option validation stops the agent first, naming the key.
/// </summary>
internal sealed class CredentialAudit(IOptions<AgentOptions> options, AgentAuditTrail trail) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Cloud.CredentialFile;
        string result;
        try
        {
            result = "loaded " + Describe(CredentialFile.Read("Agent:Cloud:CredentialFile", path));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            result = "rejected: " + ex.Message;
        }

        await trail.RecordAsync(AgentAuditActions.CredentialLoad, Path.GetFullPath(path), result, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(string credential)
    {
        if (!credential.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return "(API key)";
        }

        using var certificate = X509Certificate2.CreateFromPem(credential, credential);
        return $"(client certificate {certificate.Subject}, valid until {certificate.NotAfter.ToUniversalTime():O})";
    }
}
