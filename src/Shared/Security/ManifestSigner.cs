using System.Security.Cryptography;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.Shared.Security;

/// <summary>Signs published manifests with the hub's ECDSA P-256 key (Ed25519 is not in the BCL).</summary>
public sealed class ManifestSigner : IDisposable
{
    private readonly ECDsa _key;

    public ManifestSigner(ECDsa key)
    {
        _key = key;
    }

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1).</summary>
    public static ManifestSigner FromPemFile(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new ManifestSigner(key);
    }

    /// <summary>The public key agents trust, as PEM (SubjectPublicKeyInfo).</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public ModelManifest Sign(ModelManifest manifest)
    {
        var signature = _key.SignData(ManifestSignature.Payload(manifest), HashAlgorithmName.SHA256);
        return manifest with { Signature = ManifestSignature.Scheme + Convert.ToBase64String(signature) };
    }

    public void Dispose() => _key.Dispose();
}
