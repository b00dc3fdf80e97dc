namespace EdgeCloud.Bench.Hosting;

/// <summary>Where the repository, its model repository and the Release CloudHub build are, by default.</summary>
internal static class RepoLayout
{
    /// <summary>The folder holding EdgeCloud.sln, searched upwards from the working directory, then from the bench binary.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EdgeCloud.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The Release CloudHub dll in the bench's own artifacts folder (<c>bin/EdgeCloud.CloudHub/release/</c>,
    /// when both were built with the same <c>--artifacts-path</c>), else in the repository's artifacts folder.
    /// The hub is built separately (<c>dotnet build src/CloudHub -c Release</c>) so a hub change in progress never blocks the bench.
    /// </summary>
    public static IEnumerable<string> HubDllCandidates(string? root)
    {
        var bin = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));
        yield return Path.Combine(bin, "EdgeCloud.CloudHub", "release", "EdgeCloud.CloudHub.dll");
        if (root is not null)
        {
            yield return Path.Combine(root, "artifacts", "bin", "EdgeCloud.CloudHub", "release", "EdgeCloud.CloudHub.dll");
        }
    }
}
