using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeCloud.Security.Tests.Infrastructure;

/// <summary>Creates and revokes API keys through the hub's admin REST API, as an operator would.</summary>
public static class AdminApi
{
    public static async Task<(string Id, string Key)> CreateKeyAsync(
        SecureHub hub, string adminKey, string[] roles, long? expiresInSeconds = null, HttpMessageHandler? handler = null, string? device = null)
    {
        using var http = hub.Http(adminKey, handler);
        using var response = await http.PostAsJsonAsync("/admin/v1/keys", new { name = "test", roles, expiresInSeconds, device }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("record").GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }

    /// <summary>Enrolls a device and returns the secret the hub generated for it.</summary>
    public static async Task<string> EnrollDeviceAsync(SecureHub hub, string adminKey, string id)
    {
        using var http = hub.Http(adminKey);
        using var response = await http.PostAsJsonAsync("/admin/v1/devices", new { id }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>The hub's audit log as the admin API returns it: whether the chain verifies, and each entry.</summary>
    public static async Task<(bool Verified, List<(string Actor, string Action, string Target, string Result)> Entries)> AuditAsync(SecureHub hub, string adminKey)
    {
        using var http = hub.Http(adminKey);
        using var json = JsonDocument.Parse(await http.GetStringAsync("/admin/v1/audit", TestContext.Current.CancellationToken));
        var entries = json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString()!, e.GetProperty("action").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("result").GetString()!))
            .ToList();
        return (json.RootElement.GetProperty("verified").GetBoolean(), entries);
    }

    public static async Task RevokeKeyAsync(SecureHub hub, string adminKey, string id)
    {
        using var http = hub.Http(adminKey);
        using var response = await http.DeleteAsync($"/admin/v1/keys/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}
