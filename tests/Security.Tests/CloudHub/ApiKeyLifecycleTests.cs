using System.Net;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>Keys expire on the hub's clock, are revoked at once, and each is rate-limited on its own bucket.</summary>
public sealed class ApiKeyLifecycleTests
{
    [Fact]
    public async Task ApiKey_AfterItsLifetime_IsUnauthenticated()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var hub = await SecureHub.StartAsync(time: time);
        var (_, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer"], expiresInSeconds: 60);
        using var channel = hub.Channel();
        var client = hub.Client(channel);

        var before = await client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(61));
        var after = await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.False(string.IsNullOrEmpty(before.Name));
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
        Assert.Contains("expired", after.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_Revoked_IsUnauthenticatedOnGrpcAndRest()
    {
        await using var hub = await SecureHub.StartAsync();
        var (id, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer"]);
        using var channel = hub.Channel();
        var client = hub.Client(channel);
        using var http = hub.Http(key);
        var ct = TestContext.Current.CancellationToken;

        using (var allowed = await http.GetAsync("/v2", ct))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await AdminApi.RevokeKeyAsync(hub, SecureHub.BootstrapKey, id);

        using var refused = await http.GetAsync("/v2", ct);
        var grpc = await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);
        Assert.Contains("revoked", grpc.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_OverItsRate_IsResourceExhaustedWithRetryAfter_UntilTheBucketRefills()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var hub = await SecureHub.StartAsync(
            new Dictionary<string, string?> { ["Hub:Security:RateLimit:PermitsPerSecond"] = "1", ["Hub:Security:RateLimit:Burst"] = "3" }, time);
        var (_, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer"]);
        var (_, other) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer"]);
        using var channel = hub.Channel();
        var client = hub.Client(channel);
        using var http = hub.Http(key);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            await client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken);
        }

        var grpc = await Assert.ThrowsAsync<RpcException>(() => client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        using var rest = await http.GetAsync("/v2", ct);
        await client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(other), cancellationToken: TestContext.Current.CancellationToken); // another key has its own bucket
        time.Advance(TimeSpan.FromSeconds(1));
        await client.ServerMetadataAsync(new ServerMetadataRequest(), SecureHub.ApiKey(key), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.ResourceExhausted, grpc.StatusCode);
        Assert.Contains("rate limit", grpc.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), rest.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task CreateKey_WithUnknownRole_IsBadRequest()
    {
        await using var hub = await SecureHub.StartAsync();
        using var http = hub.Http(SecureHub.BootstrapKey);

        using var response = await http.PostAsync(
            "/admin/v1/keys", new StringContent("{\"name\":\"x\",\"roles\":[\"root\"]}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("infer, device, admin", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
