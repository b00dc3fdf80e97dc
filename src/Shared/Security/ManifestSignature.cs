using System.Text;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// What a manifest signature covers: name, version, placement, variants and the digest of the file list
/// (which covers every file's path, size and sha256), as length-prefixed UTF-8 so no two manifests share bytes.
/// </summary>
public static class ManifestSignature
{
    public const string Scheme = "ecdsa-p256-sha256:";

    public static byte[] Payload(ModelManifest manifest)
    {
        var text = new StringBuilder("edgecloud-manifest-v1\n");
        Field(text, manifest.Name);
        Field(text, manifest.Version);
        Field(text, manifest.Placement);
        Field(text, ManifestDigest.Compute(manifest.Files));
        Field(text, manifest.Digest);
        foreach (var variant in manifest.Variants)
        {
            Field(text, variant);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string value) =>
        text.Append(value.Length).Append(':').Append(value).Append('\n');
}
