using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeCloud.Security.Tests.Infrastructure;

/// <summary>Creates and revokes API keys through the hub's admin REST API, as an operator would.</summary>
public static class AdminApi
{
    public static async Task<(string Id, string Key)> CreateKeyAsync(
        SecureHub hub, string adminKey, string[] roles, long? expiresInSeconds = null, HttpMessageHandler? handler = null)
    {
        using var http = hub.Http(adminKey, handler);
        using var response = await http.PostAsJsonAsync("/admin/v1/keys", new { name = "test", roles, expiresInSeconds }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("record").GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }

    public static async Task RevokeKeyAsync(SecureHub hub, string adminKey, string id)
    {
        using var http = hub.Http(adminKey);
        using var response = await http.DeleteAsync($"/admin/v1/keys/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}
