using System.Security.Cryptography;

namespace EdgeCloud.FetchModels.Layout;

/// <summary>sha256 of files on disk, lower-case hex.</summary>
internal static class FileHasher
{
    /// <summary>The file's sha256, or null when it does not exist.</summary>
    public static async Task<string?> TryHashAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
