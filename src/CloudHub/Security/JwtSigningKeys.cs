using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace EdgeCloud.CloudHub.Security;

/// <summary>Loads <c>Hub:Security:Jwt:SigningKeyPaths</c>: PEM public keys, ECDSA or RSA.</summary>
internal static class JwtSigningKeys
{
    public static IReadOnlyList<SecurityKey> Load(IEnumerable<string> paths) => [.. paths.Select(Load)];

    private static SecurityKey Load(string path)
    {
        var pem = File.ReadAllText(path);
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (CryptographicException)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
    }
}
