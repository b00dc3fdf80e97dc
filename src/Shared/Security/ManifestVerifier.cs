using System.Security.Cryptography;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// Checks a manifest's signature against the trusted hub key before anything is downloaded or staged.
/// A manifest that is unsigned, signed with another key, or changed after signing is refused.
/// </summary>
public sealed class ManifestVerifier : IDisposable
{
    private readonly ECDsa _trusted;

    public ManifestVerifier(ECDsa trusted)
    {
        _trusted = trusted;
    }

    /// <summary>Loads the trusted PEM public key (SubjectPublicKeyInfo).</summary>
    public static ManifestVerifier FromPemFile(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new ManifestVerifier(key);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the model and the problem when the manifest is not validly signed.</summary>
    public void Verify(ModelManifest manifest)
    {
        var what = $"manifest of model '{manifest.Name}' version {manifest.Version}";
        if (string.IsNullOrEmpty(manifest.Signature))
        {
            throw new InvalidDataException($"{what} is unsigned; this device accepts only manifests signed by the hub's model signing key; refused");
        }

        if (!manifest.Signature.StartsWith(ManifestSignature.Scheme, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{what}: unsupported signature scheme (expected {ManifestSignature.Scheme}); refused");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(manifest.Signature[ManifestSignature.Scheme.Length..]);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{what}: the signature is not valid base64; refused");
        }

        if (!_trusted.VerifyData(ManifestSignature.Payload(manifest), signature, HashAlgorithmName.SHA256))
        {
            throw new InvalidDataException($"{what}: the signature does not match (tampered, or signed by an untrusted key); refused");
        }
    }

    public void Dispose() => _trusted.Dispose();
}
