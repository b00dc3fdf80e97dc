using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Fleet.Tests;

/// <summary>
/// The registry's flush writes changed devices to the real hub database in chunks (256 rows per transaction): every
/// row lands whatever the count, and rows a cancelled flush did not write stay dirty for the next one.
/// </summary>
public sealed class DeviceRegistryFlushTests : IDisposable
{
    private const int Devices = 300; // two chunks
    private readonly string _dir = Directory.CreateTempSubdirectory("edgecloud-registry-").FullName;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task FlushAsync_MoreRowsThanOneChunk_AllReachTheDatabase()
    {
        using (var database = new HubDatabase(_dir))
        {
            var registry = Seed(database);

            Assert.Equal(Devices, await registry.FlushAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await registry.FlushAsync(TestContext.Current.CancellationToken));
        }

        AssertStored();
    }

    [Fact]
    public async Task FlushAsync_Cancelled_KeepsEveryRowDirtyForTheNextFlush()
    {
        using (var database = new HubDatabase(_dir))
        {
            var registry = Seed(database);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registry.FlushAsync(new CancellationToken(canceled: true)));
            Assert.Equal(Devices, await registry.FlushAsync(TestContext.Current.CancellationToken));
        }

        AssertStored();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DeviceRegistry Seed(HubDatabase database)
    {
        var registry = new DeviceRegistry(database, _time);
        for (var i = 0; i < Devices; i++)
        {
            registry.Provision($"dev-{i:D3}", "default", ["g"], "secret");
            registry.OnReported($"dev-{i:D3}", Report(i));
        }

        return registry;
    }

    private void AssertStored()
    {
        using var database = new HubDatabase(_dir);
        var reloaded = new DeviceRegistry(database, _time);
        Assert.Equal(Devices, reloaded.Count);
        Assert.All(reloaded.All, d => Assert.Equal(int.Parse(d.Id[4..], System.Globalization.CultureInfo.InvariantCulture), d.Reported?.Applied["device"]));
    }

    private static ReportedState Report(long version) => new(FleetSchema.Current, new Dictionary<string, long> { ["device"] = version }, [], [], [], 0);
}
