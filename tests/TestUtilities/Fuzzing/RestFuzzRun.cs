using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>
/// Posts hostile REST bodies to one server's <c>/v2/models/{model}/infer</c> and counts the answers; anything outside the
/// contract (a 5xx other than 503, an error without a JSON "error" message, an answer slower than the bound) is a finding.
/// </summary>
public sealed class RestFuzzRun(HttpClient http, string model, TimeSpan bound)
{
    private static readonly HashSet<HttpStatusCode> Clear =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable];

    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    public Dictionary<HttpStatusCode, int> Counts { get; } = [];

    public List<string> Findings { get; } = [];

    public TimeSpan Slowest { get; private set; }

    public async Task RunAsync(RestBodyMutator mutator, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutator);
        for (var i = 0; i < count; i++)
        {
            var next = mutator.Next();
            var started = Stopwatch.GetTimestamp();
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(bound);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{model}/infer") { Content = new ByteArrayContent(next.Body) };
            request.Content.Headers.ContentType = OctetStream;
            if (next.HeaderLength is { } header)
            {
                request.Headers.TryAddWithoutValidation("Inference-Header-Content-Length", header);
            }

            HttpStatusCode status;
            string body;
            try
            {
                using var response = await http.SendAsync(request, bounded.Token);
                (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync(bounded.Token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Findings.Add($"#{i} {next.Mutation}: no answer within {bound.TotalSeconds:0} s");
                continue;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            Slowest = elapsed > Slowest ? elapsed : Slowest;
            Counts[status] = Counts.GetValueOrDefault(status) + 1;
            if (!Clear.Contains(status) || (status != HttpStatusCode.OK && !HasErrorMessage(body)) || elapsed > bound)
            {
                Findings.Add($"#{i} {next.Mutation}: {(int)status} '{(body.Length > 300 ? body[..300] : body)}' in {elapsed.TotalMilliseconds:0} ms");
            }
        }
    }

    private static bool HasErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
