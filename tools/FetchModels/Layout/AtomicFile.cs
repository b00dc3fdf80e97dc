namespace EdgeCloud.FetchModels.Layout;

/// <summary>Writes files by temporary file + rename in the same folder.</summary>
internal static class AtomicFile
{
    /// <summary>A fresh temporary path beside <paramref name="target"/>; creates the folder.</summary>
    public static string CreateTemporaryPath(string target)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(target)}.{Path.GetRandomFileName()}.tmp");
    }

    /// <summary>Replaces <paramref name="target"/> with <paramref name="bytes"/> unless it already holds them; true when written.</summary>
    public static async Task<bool> WriteIfChangedAsync(string target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(target) && (await File.ReadAllBytesAsync(target, cancellationToken)).AsSpan().SequenceEqual(bytes.Span))
        {
            return false;
        }

        var temporary = CreateTemporaryPath(target);
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
            {
                await output.WriteAsync(bytes, cancellationToken);
                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
