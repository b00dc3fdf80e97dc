using EdgeCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Security;

/// <summary>The rules of <c>Hub:Security</c>, reported with the other <see cref="HubOptions"/> failures.</summary>
internal sealed class HubSecurityValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var security = options.Security;
        if (!security.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (security.BootstrapAdminKey.Length is > 0 and < 32)
        {
            errors.Add("Hub:Security:BootstrapAdminKey: must be at least 32 characters (e.g. openssl rand -hex 32)");
        }

        if (security.BootstrapAdminKeyFile.Length > 0 && CredentialFile.Problem("Hub:Security:BootstrapAdminKeyFile", security.BootstrapAdminKeyFile) is { } keyFile)
        {
            errors.Add(keyFile);
        }

        var jwt = security.Jwt;
        if (jwt.Issuer.Length > 0)
        {
            if (jwt.Audience.Length == 0)
            {
                errors.Add("Hub:Security:Jwt:Audience: required when Hub:Security:Jwt:Issuer is set");
            }

            if (jwt.SigningKeyPaths.Length == 0)
            {
                errors.Add("Hub:Security:Jwt:SigningKeyPaths: list at least one PEM public key when Hub:Security:Jwt:Issuer is set");
            }

            errors.AddRange(jwt.SigningKeyPaths.Where(p => !File.Exists(p)).Select(p => $"Hub:Security:Jwt:SigningKeyPaths: '{Path.GetFullPath(p)}' does not exist"));
        }

        var tls = security.Tls;
        Exists("Hub:Security:Tls:CertificatePath", tls.CertificatePath, errors);
        Exists("Hub:Security:Tls:KeyPath", tls.KeyPath, errors);
        Exists("Hub:Security:Tls:ClientCaPath", tls.ClientCaPath, errors);
        if (tls.CertificatePath.Length > 0 != tls.KeyPath.Length > 0)
        {
            errors.Add("Hub:Security:Tls:CertificatePath and Hub:Security:Tls:KeyPath go together");
        }

        if (tls.ClientCaPath.Length > 0 && tls.CertificatePath.Length == 0)
        {
            errors.Add("Hub:Security:Tls:ClientCaPath needs a TLS listener: set Hub:Security:Tls:CertificatePath and KeyPath");
        }

        if (security.RateLimit.PermitsPerSecond < 1 || security.RateLimit.Burst < 1)
        {
            errors.Add("Hub:Security:RateLimit: PermitsPerSecond and Burst must be at least 1");
        }

        Exists("Hub:Security:ModelSigningKeyPath", security.ModelSigningKeyPath, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Exists(string key, string path, List<string> errors)
    {
        if (path.Length > 0 && !File.Exists(path))
        {
            errors.Add($"{key}: '{Path.GetFullPath(path)}' does not exist");
        }
    }
}
