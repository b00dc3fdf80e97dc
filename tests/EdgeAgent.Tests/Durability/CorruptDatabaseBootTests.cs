using System.Net;
using System.Text;
using EdgeCloud.EdgeAgent.Tests.Integration;
using EdgeCloud.EdgeAgent.Tests.Outbox;
using EdgeCloud.TestUtilities;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Durability;

/// <summary>An agent whose agent.db is garbage still boots, serves and stores events (in a fresh file), and keeps the bad file aside.</summary>
public sealed class CorruptDatabaseBootTests : IDisposable
{
    private readonly EdgeSeed _seed = new("silero-vad");
    private readonly string _dataDir;

    public CorruptDatabaseBootTests()
    {
        _dataDir = _seed.NewDataDir();
    }

    public void Dispose()
    {
        Directory.Delete(_dataDir, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task Boot_CorruptDatabaseAndCrashLeftovers_QuarantinesCleansAndServes()
    {
        var ct = TestContext.Current.CancellationToken;
        var garbage = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a database ", 500)));
        await File.WriteAllBytesAsync(Path.Combine(_dataDir, "agent.db"), garbage, ct);
        var leftover = Path.Combine(_dataDir, "models", "silero-vad", "1", "model.onnx.partial");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        await File.WriteAllTextAsync(leftover, "half", ct);

        await using var agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, cloudEndpoint: "");

        using var ready = await agent.Http.GetAsync("/v2/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var response = await agent.Client.ModelInferAsync(AgentRequests.Silero(440f, cache: false), cancellationToken: ct);
        Assert.Equal("local", response.ServedBy());
        await OutboxProbe.PostAsync(agent.Http, "after.corruption", id: "first-after", ct);
        var quarantined = Assert.Single(Directory.GetFiles(_dataDir, "agent.db.corrupt-*"));
        Assert.Equal(garbage, await File.ReadAllBytesAsync(quarantined, ct));
        Assert.False(File.Exists(leftover));
    }
}
