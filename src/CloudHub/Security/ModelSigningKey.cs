using System.Security.Cryptography;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// The hub's manifest signing key: <c>Hub:Security:ModelSigningKeyPath</c>, or one created once under
/// <c>{Hub:DataDir}</c> (mode 0600) with its public key beside it, for agents' <c>Agent:Security:ModelTrustKeyPath</c>.
/// </summary>
internal static class ModelSigningKey
{
    public const string KeyFile = "model-signing.key";
    public const string PublicFile = "model-signing.pub";

    public static ManifestSigner Load(HubSecurityOptions security, string dataDir)
    {
        if (security.ModelSigningKeyPath.Length > 0)
        {
            return ManifestSigner.FromPemFile(security.ModelSigningKeyPath);
        }

        var folder = Path.GetFullPath(dataDir);
        var keyPath = Path.Combine(folder, KeyFile);
        if (!File.Exists(keyPath))
        {
            Directory.CreateDirectory(folder);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(keyPath, options))
            {
                writer.Write(key.ExportPkcs8PrivateKeyPem());
            }

            File.WriteAllText(Path.Combine(folder, PublicFile), key.ExportSubjectPublicKeyInfoPem());
        }

        return ManifestSigner.FromPemFile(keyPath);
    }
}
