using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>The admin API calls the fan-out needs: register devices in batches, set the group's config, read the registry.</summary>
internal sealed class FanoutAdmin(HttpClient http)
{
    public async Task ProvisionAsync(FanoutFleet fleet)
    {
        foreach (var chunk in fleet.Devices.Chunk(1000))
        {
            using var response = await http.PostAsync("/admin/v1/devices/batch", Json(w =>
            {
                w.WriteStartArray();
                foreach (var (id, secret) in chunk)
                {
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteString("fleet", fleet.Name);
                    w.WriteStartArray("groups");
                    w.WriteStringValue(fleet.Group);
                    w.WriteEndArray();
                    w.WriteString("secret", secret);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Replaces the group's config (a new desired version, stored then published retained); returns the version.</summary>
    public async Task<long> SetGroupConfigAsync(FanoutFleet fleet, int round)
    {
        using var response = await http.PutAsync($"/admin/v1/groups/{fleet.Group}/config?fleet={fleet.Name}", Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("Logging");
            w.WriteNumber("FanoutRound", round);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return Property(document.RootElement, "version").GetInt64();
    }

    /// <summary>How many registered devices report <paramref name="version"/> applied for the group.</summary>
    public async Task<int> CountAtVersionAsync(FanoutFleet fleet, long version)
    {
        using var document = JsonDocument.Parse(await http.GetStreamAsync("/admin/v1/devices"));
        var scope = $"group:{fleet.Group}";
        return document.RootElement.EnumerateArray().Count(d =>
            Property(d, "reported") is { ValueKind: JsonValueKind.Object } reported
            && Property(reported, "applied") is { ValueKind: JsonValueKind.Object } applied
            && applied.TryGetProperty(scope, out var v) && v.GetInt64() == version);
    }

    private static JsonElement Property(JsonElement element, string camel) =>
        element.TryGetProperty(camel, out var value) || element.TryGetProperty(char.ToUpperInvariant(camel[0]) + camel[1..], out value) ? value : default;

    private static ByteArrayContent Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
