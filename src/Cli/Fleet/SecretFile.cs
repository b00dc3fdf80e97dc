namespace EdgeCloud.Cli.Fleet;

/// <summary>
/// A file for a secret the hub shows once (a device secret, an API key), created new and readable by its owner only
/// <em>before</em> the hub is asked, so a path that cannot take the secret fails while no secret exists yet. Removed
/// again on dispose when nothing was written to it (the hub call failed).
/// </summary>
internal sealed class SecretFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private bool _written;

    private SecretFile(string path, FileStream stream)
    {
        FullPath = Path.GetFullPath(path);
        _stream = stream;
    }

    public string FullPath { get; }

    /// <summary>
    /// No file when <paramref name="path"/> was not given; with <c>Failed</c> after saying why on <paramref name="error"/>
    /// when it was given empty or cannot be created (it exists, its folder does not, no permission).
    /// </summary>
    public static async Task<(SecretFile? File, bool Failed)> OpenAsync(string? path, string option, TextWriter error)
    {
        if (path is null)
        {
            return (null, false);
        }

        if (path.Length == 0 || File.Exists(path))
        {
            await error.WriteLineAsync(path.Length == 0
                ? $"error: {option} needs a file name (given empty; leave the option out to print the secret instead)"
                : $"error: {option} '{path}' already exists; choose a new file");
            return (null, true);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return (new SecretFile(path, new FileStream(path, options)), false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot create {option} '{path}': {ex.Message}");
            return (null, true);
        }
    }

    /// <summary>
    /// Prints <paramref name="summary"/> and the secret with how to use it, or, with a <paramref name="file"/>, writes the
    /// secret there (never to the terminal) and says where. False, after saying what now exists at the hub, when the write fails.
    /// </summary>
    public static async Task<bool> DeliverAsync(
        TextWriter output, TextWriter error, string summary, string secretName, string secret, string usage, SecretFile? file, string whenLost)
    {
        if (file is null)
        {
            await output.WriteLineAsync(summary);
            await output.WriteLineAsync($"{secretName}: {secret}  (shown once; {usage})");
            return true;
        }

        try
        {
            await using (var writer = new StreamWriter(file._stream, leaveOpen: true))
            {
                await writer.WriteAsync(secret);
            }

            await file._stream.FlushAsync();
            file._written = true;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"error: {summary}, but writing the {secretName} to {file.FullPath} failed ({ex.Message}); {whenLost}");
            return false;
        }

        await output.WriteLineAsync($"{summary}; {secretName} written to {file.FullPath} (0600)");
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        if (!_written)
        {
            File.Delete(FullPath);
        }
    }
}
