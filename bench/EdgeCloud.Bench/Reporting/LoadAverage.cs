namespace EdgeCloud.Bench.Reporting;

/// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg (what <c>uptime</c> prints).</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        const string Path = "/proc/loadavg";
        if (!File.Exists(Path))
        {
            return "n/a";
        }

        var fields = File.ReadAllText(Path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "n/a";
    }
}
