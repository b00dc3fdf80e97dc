using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgeCloud.Shared.Fleet;

/// <summary>The digest of a manifest's file list: sha256 over "path\nsize\nsha256\n" per file, sorted by path.</summary>
public static class ManifestDigest
{
    public static string Compute(IEnumerable<ManifestFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(static f => f.Path, StringComparer.Ordinal))
        {
            text.Append(file.Path).Append('\n').Append(file.Size.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(file.Sha256).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A file path inside a version folder: relative, forward slashes, no <c>..</c>, no rooted or empty segment.</summary>
    public static bool IsSafeRelativePath(string? path) =>
        !string.IsNullOrEmpty(path) && path.Length <= 255 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(static s => s.Length > 0 && s is not ("." or "..") && !s.Contains(':', StringComparison.Ordinal));
}
