using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>Talks to an agent's outbox API over HTTP, the way an edge app would.</summary>
internal static class OutboxProbe
{
    public static async Task<string> PostAsync(HttpClient http, string type, string? id, CancellationToken ct)
    {
        var body = id is null ? $$$"""{"type":"{{{type}}}","payload":{"n":1}}""" : $$$"""{"id":"{{{id}}}","type":"{{{type}}}","payload":{"n":1}}""";
        using var response = await http.PostAsync("/edgecloud/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient http, CancellationToken ct) =>
        await http.GetFromJsonAsync<JsonElement>("/edgecloud/v1/outbox", ct);

    /// <summary>Polls the outbox status until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> with the last status.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient http, Func<JsonElement, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement status;
        while (!condition(status = await StatusAsync(http, ct)))
        {
            Assert.True(waited.Elapsed < timeout, $"the outbox did not reach the expected state within {timeout}: {status}");
            await Task.Delay(50, ct);
        }

        return status;
    }
}
