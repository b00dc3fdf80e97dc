using System.Buffers;
using System.Globalization;
using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol.Json;
using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Hosting;

/// <summary>
/// The HTTP side of the binary tensor data extension (KServe v2 / Triton): the <c>Inference-Header-Content-Length</c>
/// header splits a body into its JSON header and the tensor bytes after it, in requests and in responses.
/// </summary>
internal static class V2BinaryBody
{
    public const string HeaderLength = "Inference-Header-Content-Length";

    /// <summary>How many leading bytes of a body of <paramref name="bodyLength"/> bytes are JSON: the header's value, else all of them.</summary>
    public static int JsonLength(IHeaderDictionary headers, int bodyLength)
    {
        if (!headers.TryGetValue(HeaderLength, out var values))
        {
            return bodyLength;
        }

        var text = values.ToString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= bodyLength
            ? length
            : throw InferenceException.Invalid(
                $"{HeaderLength} must be the JSON header's length in bytes, a whole number from 0 to the body's {bodyLength} bytes; got '{text}'");
    }

    /// <summary>Writes the JSON header, then the raw bytes of each output sent as binary, in output order.</summary>
    public static async Task WriteAsync(HttpContext context, ModelInferResponse response, V2BinaryOutputs asked)
    {
        var binary = V2JsonResponseWriter.BinaryOutputs(response, asked);
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            V2JsonResponseWriter.Write(writer, response, binary);
        }

        long length = json.WrittenCount;
        for (var i = 0; i < binary.Length; i++)
        {
            length += binary[i] ? response.RawOutputContents[i].Length : 0;
        }

        var anyBinary = binary.Contains(true);
        context.Response.ContentType = anyBinary ? "application/octet-stream" : "application/json";
        if (anyBinary)
        {
            // As Triton: the header only when binary data follows the JSON.
            context.Response.Headers[HeaderLength] = json.WrittenCount.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentLength = length;
        var body = context.Response.BodyWriter;
        await body.WriteAsync(json.WrittenMemory, context.RequestAborted);
        for (var i = 0; i < binary.Length; i++)
        {
            if (binary[i])
            {
                await body.WriteAsync(response.RawOutputContents[i].Memory, context.RequestAborted);
            }
        }
    }
}
