using Microsoft.Extensions.Logging;

namespace EdgeCloud.EdgeAgent.Durability;

/// <summary>
/// Removes what a crash left half-done in the agent's data folder: files being written under a
/// temporary name (<c>*.seeding</c> from the model seeder, <c>*.partial</c> / <c>*.download</c>
/// from downloads, <c>*.tmp</c>) and staging folders (<c>staging</c>, <c>.staging</c>,
/// <c>*.staging</c>). Every writer in the agent writes under such a name and renames into place,
/// so a file with its final name is always complete; the leftovers are never read and are safe
/// to delete. The database and its quarantined copies are not touched (SQLite recovers its own
/// journal).
/// </summary>
internal static class DataDirRecovery
{
    private static readonly string[] TemporarySuffixes = [".seeding", ".partial", ".download", ".tmp"];

    /// <summary>Deletes the leftovers under <paramref name="dataDir"/>; returns what was removed.</summary>
    public static IReadOnlyList<string> Run(string dataDir, ILogger logger)
    {
        var removed = new List<string>();
        if (!Directory.Exists(dataDir))
        {
            return removed;
        }

        Sweep(new DirectoryInfo(dataDir), removed, logger);
        return removed;
    }

    private static void Sweep(DirectoryInfo directory, List<string> removed, ILogger logger)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            try
            {
                if (entry is DirectoryInfo child)
                {
                    if (IsStaging(child.Name))
                    {
                        child.Delete(recursive: true);
                        Record(removed, logger, child.FullName, "an unfinished staging folder");
                    }
                    else if (!child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        Sweep(child, removed, logger);
                    }
                }
                else if (IsTemporary(entry.Name))
                {
                    entry.Delete();
                    Record(removed, logger, entry.FullName, "a file a crash left half-written");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.RecoveryFailed(logger, entry.FullName, ex);
            }
        }
    }

    private static bool IsStaging(string name) =>
        name is "staging" or ".staging" || name.EndsWith(".staging", StringComparison.Ordinal);

    private static bool IsTemporary(string name) =>
        Array.Exists(TemporarySuffixes, suffix => name.EndsWith(suffix, StringComparison.Ordinal));

    private static void Record(List<string> removed, ILogger logger, string path, string what)
    {
        removed.Add(path);
        Log.Recovered(logger, path, what);
    }
}
