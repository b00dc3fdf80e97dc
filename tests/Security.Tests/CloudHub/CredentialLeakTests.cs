using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using Grpc.Core;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>Whatever is presented, good or bad, no key or secret ever reaches the logs.</summary>
public sealed class CredentialLeakTests
{
    [Fact]
    public async Task Logs_AfterGoodBadAndRevokedCredentials_ContainNoSecret()
    {
        await using var hub = await SecureHub.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var (id, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer"]);
        string deviceSecret;
        using (var enroll = await hub.Http(SecureHub.BootstrapKey).PostAsJsonAsync("/admin/v1/devices", new { id = "cam-leak" }, ct))
        {
            using var json = JsonDocument.Parse(await enroll.Content.ReadAsStringAsync(ct));
            deviceSecret = json.RootElement.GetProperty("secret").GetString()!;
        }

        const string Wrong = "eck_0123456789ab_this-is-a-wrong-secret-value";
        using var channel = hub.Channel();
        var client = hub.Client(channel);
        await client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(Wrong), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => client.RepositoryIndexAsync(new RepositoryIndexRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(
            new ServerMetadataRequest(), new Metadata { { "authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"cam-leak:{deviceSecret}")) } }, cancellationToken: ct).ResponseAsync);
        using (var http = hub.Http())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Wrong + "x");
            using var refused = await http.GetAsync("/v2", ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await AdminApi.RevokeKeyAsync(hub, SecureHub.BootstrapKey, id);
        await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        var lines = hub.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("Refused", StringComparison.Ordinal));
        foreach (var secret in new[] { SecureHub.BootstrapKey, key, key[^20..], deviceSecret, Wrong })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
