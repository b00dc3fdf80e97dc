using System.Text.Json;

namespace EdgeCloud.FetchModels.Layout;

/// <summary>
/// Writes <c>manifest.json</c>: every verified file with size and sha256, sorted by path, no timestamps,
/// so the same inputs always give the same bytes. <c>complete</c> is false when some file failed.
/// </summary>
internal static class ManifestWriter
{
    public const int Schema = 1;

    public static async Task<bool> WriteAsync(string path, IEnumerable<ManifestEntry> entries, bool complete, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteBoolean("complete", complete);
            json.WriteStartArray("files");
            foreach (var entry in entries.OrderBy(static e => e.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteString("model", entry.Model);
                json.WriteNumber("size", entry.Size);
                json.WriteString("sha256", entry.Sha256);
                json.WriteString("source", entry.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return await AtomicFile.WriteIfChangedAsync(path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }
}
