using System.Net.Http.Json;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Calls to the hub's admin REST API (<c>/admin/v1</c>) that the fleet tests share.</summary>
internal static class AdminApi
{
    /// <summary>Uploads a real model from models/repo (its config.json and version 1's model.onnx) as <paramref name="version"/> and publishes it.</summary>
    public static async Task<ModelManifest> PublishAsync(HttpClient http, string model, string version)
    {
        var ct = TestContext.Current.CancellationToken;
        var source = Path.Combine(TestModels.Repository, model);
        foreach (var (path, file) in new[] { ("config.json", Path.Combine(source, "config.json")), ("model.onnx", TestModels.ModelFile(model)) })
        {
            await using var stream = File.OpenRead(file);
            using var upload = await http.PutAsync($"/admin/v1/models/{model}/versions/{version}/files/{path}", new StreamContent(stream), ct);
            await EnsureAsync(upload);
        }

        using var publish = await http.PostAsync($"/admin/v1/models/{model}/versions/{version}/publish", content: null, ct);
        await EnsureAsync(publish);
        return (await publish.Content.ReadFromJsonAsync(FleetJsonContext.Default.ModelManifest, ct))!;
    }

    /// <summary>Sets the published <paramref name="version"/> of <paramref name="model"/> in a device's desired state.</summary>
    public static async Task SetDeviceModelAsync(HttpClient http, string deviceId, string model, string version)
    {
        using var response = await http.PutAsJsonAsync($"/admin/v1/devices/{deviceId}/models/{model}", new { version }, TestContext.Current.CancellationToken);
        await EnsureAsync(response);
    }

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }
}
