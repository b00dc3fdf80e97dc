using System.Net;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities.Fuzzing;

namespace EdgeCloud.Security.Tests.Fuzzing;

/// <summary>
/// CI-sized fuzzing (fixed seed) of REST inference with the binary tensor data extension on a real hub and a real agent:
/// every hostile body is answered within the bound with a clear status and a JSON error message, and both keep serving.
/// </summary>
public sealed class RestFuzzTests
{
    private const int Seed = 20_261_127;
    private const int CasesPerServer = 600;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BinaryRestBodies_Mutated_OnHubAndAgent_AreAnsweredClearly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var targets = await FuzzTargets.StartAsync(ct);
        var (hub, agent, valid) = (targets.Hub, targets.Agent, targets.Valid);

        var onHub = new RestFuzzRun(hub.Http, "ocr-cls", Bound);
        await onHub.RunAsync(new RestBodyMutator(valid, Seed), CasesPerServer, ct);
        var onAgent = new RestFuzzRun(agent.Http, "ocr-cls", Bound);
        await onAgent.RunAsync(new RestBodyMutator(valid, Seed + 1), CasesPerServer, ct);

        TestContext.Current.SendDiagnosticMessage($"hub: {Summary(onHub)}; agent: {Summary(onAgent)}");
        Assert.Empty(onHub.Findings);
        Assert.Empty(onAgent.Findings);
        Assert.True(onHub.Counts.GetValueOrDefault(HttpStatusCode.BadRequest) > CasesPerServer / 2, Summary(onHub));
        Assert.True(await hub.Client.ServerLiveAsync(new ServerLiveRequest(), cancellationToken: ct) is { Live: true });
        Assert.Equal("ocr-cls", (await agent.Client.ModelInferAsync(valid, cancellationToken: ct)).ModelName);
    }

    private static string Summary(RestFuzzRun run) =>
        string.Join(", ", run.Counts.OrderBy(c => c.Key).Select(c => $"{(int)c.Key}={c.Value}")) + $", slowest {run.Slowest.TotalMilliseconds:0} ms";
}
