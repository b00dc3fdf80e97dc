using EdgeCloud.Shared.Models;

namespace EdgeCloud.EdgeAgent.Models;

/// <summary>
/// Seeds the device's model store (<c>{DataDir}/models</c>) from a repository folder: models that may
/// run on the edge are copied whole, cloud-only models bring only their config so routing knows them.
/// Files are copied to a temporary name and renamed, so a crash never leaves a half-written model in place.
/// </summary>
internal static class LocalModelSeeder
{
    public static void Seed(string sourceRoot, string targetRoot)
    {
        Directory.CreateDirectory(targetRoot);
        if (string.IsNullOrEmpty(sourceRoot))
        {
            return;
        }

        foreach (var modelDir in Directory.EnumerateDirectories(sourceRoot))
        {
            var name = Path.GetFileName(modelDir);
            var configPath = Path.Combine(modelDir, "config.json");
            if (!File.Exists(configPath))
            {
                continue;
            }

            var config = ModelConfigReader.Read(configPath, name);
            var target = Path.Combine(targetRoot, name);
            if (config.Placement == ModelPlacement.Cloud)
            {
                CopyIfChanged(configPath, Path.Combine(target, "config.json"));
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(modelDir, "*", SearchOption.AllDirectories))
            {
                CopyIfChanged(file, Path.Combine(target, Path.GetRelativePath(modelDir, file)));
            }
        }
    }

    private static void CopyIfChanged(string source, string target)
    {
        var info = new FileInfo(target);
        if (info.Exists && info.Length == new FileInfo(source).Length && !target.EndsWith(".json", StringComparison.Ordinal))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".seeding";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }
}
