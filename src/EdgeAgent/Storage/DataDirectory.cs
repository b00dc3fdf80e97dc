namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Creates the agent's data folder and proves it is writable, or explains why not.</summary>
internal static class DataDirectory
{
    /// <summary>Returns the full path of <paramref name="dataDir"/>, created and writable.</summary>
    /// <exception cref="EdgeStorageException">The path is invalid, cannot be created, or is not writable.</exception>
    public static string Prepare(string dataDir)
    {
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            throw new EdgeStorageException("Agent:DataDir is not set. Set it to a writable folder for the agent's database.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(dataDir);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new EdgeStorageException($"Agent:DataDir '{dataDir}' is not a valid path: {ex.Message}", ex);
        }

        try
        {
            Directory.CreateDirectory(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EdgeStorageException(
                $"Cannot create the agent data folder '{fullPath}' (Agent:DataDir): {ex.Message} " +
                "The agent does not fall back to memory or a temporary folder; fix the path or its permissions.", ex);
        }

        var probe = Path.Combine(fullPath, $".write-probe-{Environment.ProcessId}");
        try
        {
            using var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EdgeStorageException(
                $"The agent data folder '{fullPath}' (Agent:DataDir) is not writable: {ex.Message} " +
                "The agent does not fall back to memory or a temporary folder; fix the folder's permissions.", ex);
        }

        return fullPath;
    }
}
