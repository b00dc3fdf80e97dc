using System.Diagnostics;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities.Fuzzing;

namespace EdgeCloud.Security.Tests.Fuzzing;

/// <summary>
/// CI-sized fuzzing (fixed seed) of ModelInfer on a real hub and a real agent: every mutated request is
/// answered within the bound with a clear error (INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED, UNAVAILABLE,
/// each with a message) or a result; never INTERNAL/UNKNOWN, never a hang, memory bounded.
/// </summary>
public sealed class InferFuzzTests
{
    private const int Seed = 20_240_808;
    private const int CasesPerServer = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ModelInfer_MutatedRequests_OnHubAndAgent_AreAnsweredClearly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var targets = await FuzzTargets.StartAsync(ct);
        var (hub, agent, valid) = (targets.Hub, targets.Agent, targets.Valid);
        GC.Collect();
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;

        var onHub = new FuzzRun(hub.Client, Bound);
        await onHub.RunAsync(new InferRequestMutator(valid, Seed), CasesPerServer, ct);
        var onAgent = new FuzzRun(agent.Client, Bound);
        await onAgent.RunAsync(new InferRequestMutator(valid, Seed + 1), CasesPerServer, ct);

        GC.Collect();
        var rssGrowth = Process.GetCurrentProcess().WorkingSet64 - rssBefore;
        TestContext.Current.SendDiagnosticMessage(
            $"hub: {Summary(onHub)}; agent: {Summary(onAgent)}; RSS growth {rssGrowth / (1024 * 1024)} MiB");
        Assert.Empty(onHub.Findings);
        Assert.Empty(onAgent.Findings);
        Assert.True(await hub.Client.ServerLiveAsync(new ServerLiveRequest(), cancellationToken: ct) is { Live: true });
        Assert.True(rssGrowth < 512L * 1024 * 1024, $"RSS grew by {rssGrowth / (1024 * 1024)} MiB over {2 * CasesPerServer} requests");
    }

    private static string Summary(FuzzRun run) =>
        string.Join(", ", run.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")) + $", slowest {run.Slowest.TotalMilliseconds:0} ms";
}
