using System.Buffers;
using System.Security.Cryptography;

namespace EdgeCloud.FetchModels.Layout;

/// <summary>
/// Streams content into a temporary file next to the target while hashing it, and renames it into place
/// only when the sha256 matches: a reader never sees a partial or unverified file.
/// </summary>
internal static class VerifiedFileWriter
{
    private const int BufferSize = 1 << 20;

    public static async Task<VerifiedWrite> WriteAsync(Stream content, string target, string expectedSha256, CancellationToken cancellationToken)
    {
        var temporary = AtomicFile.CreateTemporaryPath(target);
        try
        {
            var (sha256, length) = await CopyAndHashAsync(content, temporary, cancellationToken);
            if (!string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                return new VerifiedWrite(Written: false, sha256, length);
            }

            File.Move(temporary, target, overwrite: true);
            return new VerifiedWrite(Written: true, sha256, length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<(string Sha256, long Length)> CopyAndHashAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }

            output.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }
}
