using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCloud.EdgeAgent.Jobs;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.EdgeAgent.Tests.Outbox;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Jobs;

/// <summary>
/// Deferred cloud jobs end to end: a cloud-only model ("vad-cloud", silero-vad placed in the cloud)
/// requested with edgecloud.defer=true while the link is cut is accepted as a job, survives an
/// agent restart, runs when the link returns, and its result is served until Agent:Jobs:ResultTtl.
/// </summary>
public sealed class DeferredJobTests : IAsyncLifetime
{
    private const string CloudModel = "vad-cloud";
    private readonly EdgeSeed _seed = new("silero-vad");
    private string _agentData = "";
    private string _hubData = "";
    private InProcessHub _hub = null!;
    private FaultProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        TestModels.CopyModel("silero-vad", Path.Combine(_seed.Root, "tmp"));
        Directory.Move(Path.Combine(_seed.Root, "tmp", "silero-vad"), Path.Combine(_seed.Root, CloudModel));
        _seed.SetConfig(CloudModel, "name", CloudModel);
        _seed.SetConfig(CloudModel, "placement", "cloud");
        _agentData = _seed.NewDataDir();
        _hubData = _seed.NewDataDir();
        _hub = await HubFactory.StartAsync(_seed.Root, _hubData, grpcPort: null, CloudModel);
        _proxy = new FaultProxy("127.0.0.1", _hub.GrpcPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _hub.DisposeAsync();
        Directory.Delete(_agentData, recursive: true);
        Directory.Delete(_hubData, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task Defer_LinkDown_AcceptedAsJobSurvivesRestartRunsWhenLinkReturnsThenExpires()
    {
        var ct = TestContext.Current.CancellationToken;
        _proxy.Cut();
        string jobId;
        await using (var agent = await StartAgentAsync())
        {
            await WaitForLinkDownAsync(agent, ct);

            var accepted = await agent.Client.ModelInferAsync(Deferred(), cancellationToken: ct);

            jobId = accepted.Parameters[DeferredJobParameters.JobId].StringParam;
            Assert.Empty(accepted.Outputs);
            Assert.Equal(CloudModel, accepted.ModelName);
            Assert.Equal("req-9", accepted.Id);
            var pending = await GetJobAsync(agent, jobId, ct);
            Assert.Equal("pending", pending.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, pending.GetProperty("response").ValueKind);
        }

        await using (var restarted = await StartAgentAsync())
        {
            Assert.Equal("pending", (await GetJobAsync(restarted, jobId, ct)).GetProperty("state").GetString());
            _proxy.Pass();

            var done = await PollJobAsync(restarted, jobId, j => j.GetProperty("state").GetString() != "pending", ct);

            Assert.Equal("succeeded", done.GetProperty("state").GetString());
            var response = done.GetProperty("response");
            Assert.Equal(CloudModel, response.GetProperty("model_name").GetString());
            Assert.Contains(response.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("name").GetString() == "output");
            Assert.Equal("cloud", response.GetProperty("parameters").GetProperty(EdgeCloudParameters.ServedBy).GetString());

            using var gone = await PollStatusAsync(restarted, jobId, HttpStatusCode.NotFound, ct); // after ResultTtl (2 s)
            var error = (await gone.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString();
            Assert.Contains("unknown or its result has expired", error, StringComparison.Ordinal);
            Assert.Contains("Agent:Jobs:ResultTtl = 00:00:02", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Defer_LinkUp_RunsNowInTheCloud()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAgentAsync();

        var response = await agent.Client.ModelInferAsync(Deferred(), cancellationToken: ct);

        Assert.Equal("cloud", response.ServedBy());
        Assert.NotEmpty(response.Outputs);
        Assert.False(response.Parameters.ContainsKey(DeferredJobParameters.JobId));
    }

    [Fact]
    public async Task Defer_NotABool_InvalidArgumentNamingTheParameter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAgentAsync();
        var request = Deferred();
        request.Parameters[EdgeCloudParameters.Defer] = new InferParameter { StringParam = "yes" };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await agent.Client.ModelInferAsync(request, cancellationToken: ct));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("edgecloud.defer must be a bool, got the string \"yes\"", ex.Status.Detail);
    }

    [Theory]
    [InlineData("not-a-uuid", HttpStatusCode.BadRequest, "job id: expected the UUID from the response parameter edgecloud.job_id, got 'not-a-uuid'")]
    [InlineData("0192f3a4-0000-7000-8000-000000000000", HttpStatusCode.NotFound, "job '0192f3a4-0000-7000-8000-000000000000' is unknown or its result has expired")]
    public async Task GetJob_BadOrUnknownId_ClearError(string id, HttpStatusCode status, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = await StartAgentAsync();

        using var response = await agent.Http.GetAsync($"/edgecloud/v1/jobs/{id}", ct);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(message, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private Task<InProcessAgent> StartAgentAsync() =>
        InProcessAgent.StartAsync(_agentData, _seed.Root, _proxy.Endpoint, new Dictionary<string, string?>
        {
            ["Agent:Cloud:AttemptTimeout"] = "00:00:00.500",
            ["Agent:Cloud:BreakDuration"] = "00:00:00.500",
            ["Agent:Cloud:RetryDelay"] = "00:00:00",
            ["Agent:Outbox:PublishTimeout"] = "00:00:05", // generous: a slow first heartbeat would defer Defer_LinkUp
            ["Agent:Jobs:ResultTtl"] = "00:00:02",
            ["Agent:Jobs:RetryMinDelay"] = "00:00:00.050",
            ["Agent:Jobs:RetryMaxDelay"] = "00:00:00.300",
            ["Agent:Jobs:IdlePollInterval"] = "00:00:00.100",
        });

    private static ModelInferRequest Deferred()
    {
        var request = AgentRequests.Silero(330f, cache: false);
        request.ModelName = CloudModel;
        request.Id = "req-9";
        request.Parameters[EdgeCloudParameters.Defer] = new InferParameter { BoolParam = true };
        return request;
    }

    private static async Task WaitForLinkDownAsync(InProcessAgent agent, CancellationToken ct)
    {
        // The drainer's heartbeat (a real call) finds the hub unreachable within its first attempt.
        var reachability = agent.Services.GetRequiredService<HubReachability>();
        for (var i = 0; i < 200 && reachability.Reachable; i++)
        {
            await Task.Delay(50, ct);
        }

        Assert.False(reachability.Reachable, "the hub should look unreachable through the cut link");
    }

    private static async Task<JsonElement> GetJobAsync(InProcessAgent agent, string id, CancellationToken ct) =>
        await agent.Http.GetFromJsonAsync<JsonElement>($"/edgecloud/v1/jobs/{id}", ct);

    private static async Task<JsonElement> PollJobAsync(InProcessAgent agent, string id, Func<JsonElement, bool> done, CancellationToken ct)
    {
        var job = await GetJobAsync(agent, id, ct);
        for (var i = 0; i < 600 && !done(job); i++)
        {
            await Task.Delay(50, ct);
            job = await GetJobAsync(agent, id, ct);
        }

        Assert.True(done(job), $"the job did not finish within 30 s: {job}");
        return job;
    }

    private static async Task<HttpResponseMessage> PollStatusAsync(InProcessAgent agent, string id, HttpStatusCode status, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            var response = await agent.Http.GetAsync($"/edgecloud/v1/jobs/{id}", ct);
            if (response.StatusCode == status || i >= 200)
            {
                Assert.Equal(status, response.StatusCode);
                return response;
            }

            response.Dispose();
            await Task.Delay(50, ct);
        }
    }
}
