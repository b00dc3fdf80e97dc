namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Recognises an SQLite file by its 16-byte magic header without opening it with SQLite.</summary>
internal static class DatabaseHeader
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>Null when the file is absent, empty (SQLite initialises it) or starts with the magic; otherwise the problem.</summary>
    /// <exception cref="EdgeStorageException">The path exists but cannot be read (e.g. it is a folder).</exception>
    public static string? Check(string filePath)
    {
        try
        {
            using var stream = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                return null;
            }

            Span<byte> header = stackalloc byte[16];
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == header.Length && header.SequenceEqual(Magic)
                ? null
                : $"not an SQLite database: the file does not start with the SQLite header ({stream.Length} bytes)";
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EdgeStorageException($"Cannot read the agent database '{filePath}': {ex.Message} Check that it is a file the agent may read and write.", ex);
        }
    }
}
