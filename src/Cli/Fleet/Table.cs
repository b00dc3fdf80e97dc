namespace EdgeCloud.Cli.Fleet;

/// <summary>Writes rows as left-aligned columns under a header.</summary>
internal static class Table
{
    public static async Task WriteAsync(TextWriter writer, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            await writer.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
