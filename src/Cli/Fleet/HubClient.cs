using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary>Calls the hub's admin API and turns every failure into one line on stderr and exit code 1.</summary>
internal sealed class HubClient(HttpClient http, TextWriter output, TextWriter error) : IDisposable
{
    public TextWriter Output => output;

    public TextWriter Error => error;

    /// <summary>Sends a request; the parsed JSON body on success, null after reporting the failure.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, "/admin/v1/" + path) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var message = TryParse(body)?["error"]?.GetValue<string>() ?? body;
                await error.WriteLineAsync($"error: {method} {path}: {(int)response.StatusCode} {response.ReasonPhrase}: {message}");
                return null;
            }

            return TryParse(body) ?? new JsonObject();
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: cannot reach the hub at {http.BaseAddress}: {ex.Message}");
            return null;
        }
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(method, path, new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")), cancellationToken);

    /// <summary>Prints <paramref name="node"/> as indented JSON.</summary>
    public Task WriteJsonAsync(JsonNode node) => output.WriteLineAsync(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public void Dispose() => http.Dispose();

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
