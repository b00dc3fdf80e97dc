using System.Globalization;
using EdgeCloud.EdgeAgent.Tests.Integration;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Durability;

/// <summary>
/// SIGKILL the agent at random moments while edge apps write events, restart it, and let the hub
/// appear: every event the agent acknowledged (202) reaches the hub's store exactly once.
/// CI size by default (3 rounds × 8 writers); EDGECLOUD_KILL_ROUNDS / EDGECLOUD_KILL_WRITERS /
/// EDGECLOUD_KILL_SEED scale it (docs/benchmarks.md has the full-size run).
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly EdgeSeed _seed = new("silero-vad");
    private readonly string _work = Directory.CreateTempSubdirectory("edgecloud-kill-").FullName;

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task Kill9_DuringWritesAndDrains_EveryAcknowledgedEventStoredExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = new KillRun(
            rounds: Setting("EDGECLOUD_KILL_ROUNDS", 3),
            writers: Setting("EDGECLOUD_KILL_WRITERS", 8),
            seed: Setting("EDGECLOUD_KILL_SEED", 20301),
            _seed.Root,
            _work);

        await run.RunAsync(ct);

        var acknowledged = run.Acknowledged.ToHashSet(StringComparer.Ordinal);
        var unacknowledged = run.Unacknowledged.ToHashSet(StringComparer.Ordinal);
        var stored = run.Stored.ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Except(stored, StringComparer.Ordinal).ToList();
        var unknown = stored.Except(acknowledged, StringComparer.Ordinal).Except(unacknowledged, StringComparer.Ordinal).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"kill test: {run.Kills} kills, {acknowledged.Count} acknowledged, {unacknowledged.Count} unacknowledged " +
            $"({unacknowledged.Count(stored.Contains)} of them arrived anyway), {run.Stored.Count} stored, {run.HubDuplicatesIgnored} re-sends ignored by the hub");

        Assert.True(acknowledged.Count > 0, "no event was acknowledged: the test proved nothing");
        Assert.Empty(lost);
        Assert.Equal(run.Stored.Count, stored.Count); // no id stored twice
        Assert.Empty(unknown);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
