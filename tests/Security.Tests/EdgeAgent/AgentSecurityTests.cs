using EdgeCloud.EdgeAgent;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Security;
using EdgeCloud.TestUtilities;
using Grpc.Core;

namespace EdgeCloud.Security.Tests.EdgeAgent;

/// <summary>The agent's side: its hub credential file, TLS rules, and its on-device API off loopback.</summary>
public sealed class AgentSecurityTests
{
    [Fact]
    public void Validate_CredentialFileReadableByOthers_IsRefusedNamingTheKey()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "unix file modes");
        var path = Path.Combine(Directory.CreateTempSubdirectory("edgecloud-agent-").FullName, "hub.key");
        File.WriteAllText(path, "eck_0123456789ab_agent-secret");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var result = new AgentSecurityValidator().Validate(null, new AgentOptions { Cloud = new CloudLinkOptions { CredentialFile = path } });

        Assert.True(result.Failed);
        Assert.Contains("Agent:Cloud:CredentialFile", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("0644", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("agent-secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.1.2.3:8001", false, true)]
    [InlineData("http://hub.example.test:8001", false, true)]
    [InlineData("http://10.1.2.3:8001", true, false)]
    [InlineData("http://127.0.0.1:8001", false, false)]
    [InlineData("http://localhost:8001", false, false)]
    [InlineData("https://hub.example.test:8001", false, false)]
    public void Validate_PlaintextOffLoopback_IsRefusedUnlessAllowed(string endpoint, bool allowPlaintext, bool refused)
    {
        var result = new AgentSecurityValidator().Validate(null, new AgentOptions { Cloud = new CloudLinkOptions { Endpoint = endpoint, AllowPlaintext = allowPlaintext } });

        Assert.Equal(refused, result.Failed);
        if (refused)
        {
            Assert.Contains("Agent:Cloud:AllowPlaintext", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agent_WithCredentialFile_CallsASecureHub_AndNeverLogsTheKey()
    {
        await using var hub = await SecureHub.StartAsync();
        var (_, key) = await AdminApi.CreateKeyAsync(hub, SecureHub.BootstrapKey, ["infer", "device"]);
        var root = Directory.CreateTempSubdirectory("edgecloud-agent-").FullName;
        var credential = Path.Combine(root, "hub.key");
        await File.WriteAllTextAsync(credential, key + "\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(credential, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var seed = Directory.CreateDirectory(Path.Combine(root, "seed")).FullName;
        await using var agent = await InProcessAgent.StartAsync(Path.Combine(root, "data"), seed, hub.GrpcAddress, new Dictionary<string, string?>
        {
            ["Agent:Cloud:CredentialFile"] = credential,
        });
        var request = new ModelInferRequest { ModelName = SecureHub.Model };
        request.Parameters["edgecloud.route"] = new InferParameter { StringParam = "cloud" };

        var ex = await Assert.ThrowsAsync<RpcException>(() => agent.Client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        // The hub answered the agent's (input-less) request itself: the key was accepted and the error is the model's.
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.DoesNotContain(hub.Logs.Lines, l => l.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_BoundOffLoopback_NeedsAnApiKey_LivenessStaysOpen()
    {
        var (_, key) = ApiKeys.Generate();
        var root = Directory.CreateTempSubdirectory("edgecloud-agent-").FullName;
        var seed = Path.Combine(root, "seed");
        TestModels.CopyModel(SecureHub.Model, seed);
        await using var agent = await InProcessAgent.StartAsync(Path.Combine(root, "data"), seed, "", new Dictionary<string, string?>
        {
            ["Agent:BindAddress"] = "0.0.0.0",
            ["Agent:Security:ApiKeyHashes:0"] = Convert.ToHexStringLower(ApiKeys.Hash(key)),
        });
        var ct = TestContext.Current.CancellationToken;

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => agent.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = SecureHub.Model }, cancellationToken: ct).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => agent.Client.ModelMetadataAsync(
            new ModelMetadataRequest { Name = SecureHub.Model }, SecureHub.ApiKey(key + "x"), cancellationToken: ct).ResponseAsync);
        var allowed = await agent.Client.ModelMetadataAsync(new ModelMetadataRequest { Name = SecureHub.Model }, SecureHub.ApiKey(key), cancellationToken: ct);
        var live = await agent.Client.ServerLiveAsync(new ServerLiveRequest(), cancellationToken: ct);
        using var rest = await agent.Http.GetAsync($"/v2/models/{SecureHub.Model}", ct);

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal(SecureHub.Model, allowed.Name);
        Assert.True(live.Live);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, rest.StatusCode);
    }
}
