namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>A throw-away model repository under the temp folder, filled with copies of real models; deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "edgecloud-shared-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Copies a real model's folder (config and every version) into the repository under <paramref name="as"/>.</summary>
    public string CopyModel(string model, string? @as = null)
    {
        var source = TestModels.Folder(model);
        var target = Path.Combine(Root, @as ?? model);
        CopyDirectory(source, target);
        return target;
    }

    /// <summary>Copies a real model's version-1 folder to another version folder of the copy in this repository.</summary>
    public string CopyVersion(string model, string version, string? @as = null)
    {
        var target = Path.Combine(Root, @as ?? model, version);
        CopyDirectory(Path.Combine(TestModels.Folder(model), "1"), target);
        return target;
    }

    public string WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a failed test may still hold a file open.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
