namespace EdgeCloud.Shared.Security;

/// <summary>
/// Reads a secret from a file that only its owner may read. On Unix a file readable or writable by the
/// group or others (e.g. 0644) is refused with the command that fixes it; the secret is never echoed.
/// </summary>
public static class CredentialFile
{
    private const UnixFileMode Exposed =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The problem with <paramref name="path"/>, or null when it exists and is private to its owner.</summary>
    public static string? Problem(string key, string path)
    {
        if (!File.Exists(path))
        {
            return $"{key}: the credential file '{Path.GetFullPath(path)}' does not exist";
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & Exposed) != 0)
            {
                return $"{key}: the credential file '{Path.GetFullPath(path)}' has mode {Octal(mode)}, readable by other users; " +
                       $"run 'chmod 600 {Path.GetFullPath(path)}' (only its owner may read it)";
            }
        }

        return null;
    }

    /// <summary>Reads the file's content, trimmed; throws <see cref="InvalidOperationException"/> with <see cref="Problem"/>'s message.</summary>
    public static string Read(string key, string path)
    {
        if (Problem(key, path) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return File.ReadAllText(path).Trim();
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
