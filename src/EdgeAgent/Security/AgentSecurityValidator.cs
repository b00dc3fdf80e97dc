using System.Net;
using EdgeCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// The agent's security rules: a private credential file, no plaintext to a hub off loopback unless
/// <c>Agent:Cloud:AllowPlaintext</c>, and existing CA and trust-key files.
/// </summary>
internal sealed class AgentSecurityValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var errors = new List<string>();
        var cloud = options.Cloud;
        if (cloud.CredentialFile.Length > 0 && CredentialFile.Problem("Agent:Cloud:CredentialFile", cloud.CredentialFile) is { } problem)
        {
            errors.Add(problem);
        }

        if (Uri.TryCreate(cloud.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme == "http" && !cloud.AllowPlaintext && !IsLoopback(uri))
        {
            errors.Add($"Agent:Cloud:Endpoint: {cloud.Endpoint} is plaintext to a host off this machine; use https:// (with Agent:Cloud:CaCertificatePath for a private CA) or set Agent:Cloud:AllowPlaintext=true on a trusted network");
        }

        Exists("Agent:Cloud:CaCertificatePath", cloud.CaCertificatePath, errors);
        Exists("Agent:Security:ModelTrustKeyPath", options.Security.ModelTrustKeyPath, errors);
        foreach (var hash in options.Security.ApiKeyHashes)
        {
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                errors.Add("Agent:Security:ApiKeyHashes: each entry must be 64 lowercase hex digits (the sha256 of a key)");
                break;
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void Exists(string key, string path, List<string> errors)
    {
        if (path.Length > 0 && !File.Exists(path))
        {
            errors.Add($"{key}: '{Path.GetFullPath(path)}' does not exist");
        }
    }
}
