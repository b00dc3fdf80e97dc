using Google.Protobuf;

namespace EdgeCloud.Quantization.Onnx;

/// <summary>
/// Reads and writes <c>.onnx</c> files. Reading lifts protobuf's nesting limit for deep subgraphs and
/// refuses files past protobuf's 2 GiB; writing goes to a temporary file that is renamed into place,
/// so a failed write never leaves a partial model behind.
/// </summary>
public static class OnnxModelFile
{
    private const int RecursionLimit = 1024;

    public static ModelProto Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        if (stream.Length >= int.MaxValue)
        {
            throw new QuantizationException(
                $"{path}: {stream.Length} bytes is past protobuf's 2 GiB limit; models with external data are not supported");
        }

        try
        {
            using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
            var model = ModelProto.Parser.ParseFrom(input);
            return model.Graph is null
                ? throw new QuantizationException($"{path}: not an ONNX model (no graph)")
                : model;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new QuantizationException($"{path}: not an ONNX model: {ex.Message}", ex);
        }
    }

    /// <summary>Writes <paramref name="model"/> to a temporary file beside <paramref name="path"/> and renames it into place.</summary>
    public static void Write(ModelProto model, string path)
    {
        var size = model.CalculateSize();
        if (size < 0)
        {
            throw new QuantizationException($"{path}: the model is past protobuf's 2 GiB limit");
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                model.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
