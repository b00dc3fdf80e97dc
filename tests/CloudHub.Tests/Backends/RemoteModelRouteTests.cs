using EdgeCloud.CloudHub.Backends;
using EdgeCloud.Protocol;
using EdgeCloud.Routing.LoadBalancing;
using EdgeCloud.Shared.Inference;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Backends;

public sealed class RemoteModelRouteTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InferAsync_PickedBackendUnavailable_FailsOverAndSaysWhichAnswered()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.Clients[0].Answer = ScriptedClient.Fails(StatusCode.Unavailable);

        var response = await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token);

        Assert.Equal("b", response.Id);
        Assert.Equal("b", response.Parameters[BackendParameters.Backend].StringParam);
        Assert.Single(h.Clients[0].Calls);
        Assert.True(h.Backends[0].State.FailureRate > 0);
        Assert.Equal(0, h.Backends[0].State.Outstanding);
        Assert.Contains(h.Recorder.Tags("edgecloud.hub.backend.requests"), t => Equals(t["backend"], "a") && Equals(t["outcome"], "failure"));
    }

    [Fact]
    public async Task InferAsync_BackendFailsRepeatedly_IsEjectedAndNoLongerTried()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.Clients[0].Answer = ScriptedClient.Fails(StatusCode.Unavailable);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("b", (await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token)).Id);
        }

        Assert.False(h.Backends[0].State.IsAvailable);
        Assert.InRange(h.Clients[0].Calls.Count, 1, 2);
    }

    [Fact]
    public async Task InferAsync_InvalidArgumentFromBackend_IsAnsweredWithoutFailover()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.Clients[0].Answer = ScriptedClient.Fails(StatusCode.InvalidArgument, "input 'x': expected shape [-1,3]");

        var ex = await Assert.ThrowsAsync<InferenceException>(() => h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token).AsTask());

        Assert.Equal(InferenceErrorCode.InvalidArgument, ex.Code);
        Assert.Equal("input 'x': expected shape [-1,3] (backend a)", ex.Message);
        Assert.Empty(h.Clients[1].Calls);
        Assert.Equal(0, h.Backends[0].State.FailureRate);
    }

    [Fact]
    public async Task InferAsync_EveryAttemptFails_ThrowsUnavailableListingEachAttempt()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b", "c");
        foreach (var client in h.Clients)
        {
            client.Answer = ScriptedClient.Fails(StatusCode.Internal, "boom");
        }

        var ex = await Assert.ThrowsAsync<InferenceException>(() => h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token).AsTask());

        Assert.Equal(InferenceErrorCode.Unavailable, ex.Code);
        var tried = h.Clients.Where(c => !c.Calls.IsEmpty).Select(c => c.Name).ToArray();
        Assert.Equal(2, tried.Length);
        Assert.Equal($"model 'm': 2 attempt(s) on its backends failed: {tried[0]}: Internal: boom; {tried[1]}: Internal: boom", ex.Message);
    }

    [Fact]
    public async Task InferAsync_EveryBackendOverloaded_ThrowsResourceExhaustedAndKeepsThemHealthy()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        foreach (var client in h.Clients)
        {
            client.Answer = ScriptedClient.Fails(StatusCode.ResourceExhausted, "queue full");
        }

        var ex = await Assert.ThrowsAsync<InferenceException>(() => h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token).AsTask());

        Assert.Equal(InferenceErrorCode.ResourceExhausted, ex.Code);
        Assert.All(h.Backends, b => Assert.Equal(0, b.State.FailureRate));
    }

    [Fact]
    public async Task InferAsync_CircuitIsolated_SkipsThatBackend()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 1, "a", "b");
        h.Backends[0].State.Circuit.Isolate();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("b", (await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token)).Id);
        }

        Assert.Empty(h.Clients[0].Calls);
    }

    [Fact]
    public async Task InferAsync_NoBackendAvailable_ThrowsUnavailableSayingWhy()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.Backends[0].State.Circuit.Isolate();
        h.Backends[1].State.Circuit.Isolate();

        var ex = await Assert.ThrowsAsync<InferenceException>(() => h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token).AsTask());

        Assert.Equal(InferenceErrorCode.Unavailable, ex.Code);
        Assert.Contains("none of its 2 backends can take a request now", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a circuit Isolated", ex.Message, StringComparison.Ordinal);
        Assert.False(h.Route.IsReady);
    }

    [Fact]
    public async Task InferAsync_EveryBackendFailingItsProbes_StillTriesThem()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.FailProbes(h.Backends[0]);
        h.FailProbes(h.Backends[1]);

        var response = await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token);

        Assert.False(h.Route.IsReady);
        Assert.Contains(response.Id, new[] { "a", "b" });
    }

    [Fact]
    public async Task InferAsync_OneBackendFailingItsProbes_IsPassedOver()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        h.FailProbes(h.Backends[0]);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("b", (await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token)).Id);
        }

        Assert.True(h.Route.IsReady);
    }

    [Fact]
    public async Task InferAsync_CallerCancels_IsNotCountedAgainstTheBackend()
    {
        using var h = new RouteHarness(BackendPolicies.RoundRobin, maxAttempts: 2, "a", "b");
        using var caller = new CancellationTokenSource();
        h.Clients[0].Answer = async (_, options) =>
        {
            await caller.CancelAsync();
            throw new RpcException(new Status(StatusCode.Cancelled, "canceled"));
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, caller.Token).AsTask());

        Assert.Equal(0, h.Backends[0].State.FailureRate);
        Assert.Empty(h.Clients[1].Calls);
        Assert.Equal(0, h.Backends[0].State.Outstanding);
    }

    [Fact]
    public async Task InferAsync_AttemptTimesOut_FailsOverToTheNext()
    {
        using var h = new RouteHarness(new RemoteModelOptions { Policy = BackendPolicies.RoundRobin, AttemptTimeout = TimeSpan.FromSeconds(1) }, "a", "b");
        var hung = new TaskCompletionSource<ModelInferResponse>();
        h.Clients[0].Answer = (_, options) =>
        {
            options.CancellationToken.Register(() => hung.TrySetException(new RpcException(new Status(StatusCode.Cancelled, "canceled"))));
            return hung.Task;
        };

        var pending = h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token).AsTask();
        Assert.False(pending.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("b", (await pending).Id);
        Assert.True(h.Backends[0].State.FailureRate > 0);
    }

    [Fact]
    public async Task InferAsync_RemoteName_ForwardsUnderItAndAnswersUnderTheHubsName()
    {
        using var h = new RouteHarness(new RemoteModelOptions { RemoteName = "minilm_onnx" }, "a");

        var response = await h.Route.InferAsync(new ModelInferRequest { ModelName = "m" }, Token);

        Assert.Equal("minilm_onnx", Assert.Single(h.Clients[0].Calls).ModelName);
        Assert.Equal("m", response.ModelName);
    }
}
