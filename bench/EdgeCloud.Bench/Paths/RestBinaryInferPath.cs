using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using EdgeCloud.Bench.Measurement;

namespace EdgeCloud.Bench.Paths;

/// <summary>
/// POST /v2/models/{m}/infer with the binary tensor data extension: a prebuilt body of JSON header plus raw tensors,
/// outputs answered as raw bytes after the response's JSON header; one keep-alive HTTP/1.1 connection.
/// </summary>
internal sealed class RestBinaryInferPath(HttpClient http, Uri inferUri, byte[] body, int headerLength) : ILatencyPath
{
    private const string HeaderLengthName = "Inference-Header-Content-Length";
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");
    private readonly string _headerLength = headerLength.ToString(CultureInfo.InvariantCulture);

    public string Name => "hub REST POST /infer (binary tensors)";

    public PathRole Role => PathRole.HubRestBinary;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    public async ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var json = int.Parse(response.Headers.GetValues(HeaderLengthName).Single(), CultureInfo.InvariantCulture);
        using var header = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(0, json));
        var first = (int)header.RootElement.GetProperty("outputs")[0].GetProperty("parameters").GetProperty("binary_data_size").GetInt64();
        double sum = 0;
        foreach (var v in MemoryMarshal.Cast<byte, float>(bytes.AsSpan(json, first)))
        {
            sum += v;
        }

        return sum;
    }

    private async Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, inferUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = OctetStream;
        request.Headers.TryAddWithoutValidation(HeaderLengthName, _headerLength);
        return await RestInferPath.EnsureSuccessAsync(await http.SendAsync(request, cancellationToken), inferUri, cancellationToken);
    }
}
