using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// UTF-8 checks for JSON bodies. <see cref="System.Text.Json.JsonDocument"/> accepts invalid UTF-8 inside strings and
/// fails only when one is read, with an InvalidOperationException a handler would turn into a 500; bodies are checked
/// up front instead, so the caller hears where the bad byte is.
/// </summary>
public static class Utf8Text
{
    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8, else the offset of the first invalid sequence.</summary>
    public static int? FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var at = 0;
        while (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }
}
