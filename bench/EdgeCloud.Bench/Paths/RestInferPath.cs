using System.Net.Http.Headers;
using System.Text.Json;
using EdgeCloud.Bench.Measurement;

namespace EdgeCloud.Bench.Paths;

/// <summary>POST /v2/models/{m}/infer with a prebuilt JSON body over one keep-alive HTTP/1.1 connection.</summary>
internal sealed class RestInferPath(HttpClient http, Uri inferUri, byte[] body) : ILatencyPath
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public string Name => "hub REST POST /infer (JSON)";

    public PathRole Role => PathRole.HubRest;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    public async ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        double sum = 0;
        foreach (var v in document.RootElement.GetProperty("outputs")[0].GetProperty("data").EnumerateArray())
        {
            sum += v.GetDouble();
        }

        return sum;
    }

    private async Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return await EnsureSuccessAsync(await http.PostAsync(inferUri, content, cancellationToken), inferUri, cancellationToken);
    }

    /// <summary>The response when it is a success; otherwise throws with the status and the server's message.</summary>
    internal static async Task<HttpResponseMessage> EnsureSuccessAsync(HttpResponseMessage response, Uri inferUri, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"POST {inferUri} answered {(int)response.StatusCode}: {text}");
        }

        return response;
    }
}
