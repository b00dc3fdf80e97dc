using System.Reflection;
using EdgeCloud.FetchModels.Catalog;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>Finds a restored package in the NuGet global packages folder.</summary>
internal sealed class NuGetPackagesFolder(string root)
{
    public string Root { get; } = root;

    /// <summary><c>NUGET_PACKAGES</c>, else the folder this tool was restored into, else <c>~/.nuget/packages</c>.</summary>
    public static NuGetPackagesFolder Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new NuGetPackagesFolder(fromEnvironment);
        }

        var fromRestore = typeof(NuGetPackagesFolder).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(static a => a.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrWhiteSpace(fromRestore) && Directory.Exists(fromRestore))
        {
            return new NuGetPackagesFolder(fromRestore);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new NuGetPackagesFolder(Path.Combine(home, ".nuget", "packages"));
    }

    /// <summary>The package's folder (lower-case id and version), or a clear error when it was not restored.</summary>
    public string GetPackageDirectory(PackageRef package)
    {
        var directory = Path.Combine(Root, package.Id.ToLowerInvariant(), package.Version.ToLowerInvariant());
        if (!Directory.Exists(directory))
        {
            throw new FetchException(
                $"{package} is not in the NuGet packages folder (looked in {directory}). " +
                "Restore the tool (`dotnet restore tools/FetchModels --force`) and check that its PackageDownload " +
                $"pins version [{package.Version}].");
        }

        return directory;
    }
}
