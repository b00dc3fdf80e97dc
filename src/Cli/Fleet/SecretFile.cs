namespace EdgeCloud.Cli.Fleet;

/// <summary>A secret the hub shows once (a device secret, an API key), written to a new file only its owner can read.</summary>
internal static class SecretFile
{
    /// <summary>The error to report when <paramref name="path"/> is taken (a secret never overwrites a file), else null.</summary>
    public static string? Refusal(string? path, string option) =>
        path is { Length: > 0 } && File.Exists(path) ? $"error: {option} '{path}' already exists; choose a new file" : null;

    /// <summary>
    /// Prints <paramref name="summary"/> and the secret with how to use it, or, given a <paramref name="path"/>, writes
    /// the secret there (never to the terminal) and says where.
    /// </summary>
    public static async Task DeliverAsync(TextWriter output, string summary, string secretName, string secret, string usage, string? path)
    {
        if (path is not { Length: > 0 })
        {
            await output.WriteLineAsync(summary);
            await output.WriteLineAsync($"{secretName}: {secret}  (shown once; {usage})");
            return;
        }

        await WriteAsync(path, secret);
        await output.WriteLineAsync($"{summary}; {secretName} written to {Path.GetFullPath(path)} (0600)");
    }

    private static async Task WriteAsync(string path, string secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var writer = new StreamWriter(path, options);
        await writer.WriteAsync(secret);
    }
}
