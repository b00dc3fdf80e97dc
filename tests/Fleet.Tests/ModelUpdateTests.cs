using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Fleet.Tests;

/// <summary>
/// A model version published to the hub reaches a device end to end: desired state names its manifest,
/// the agent downloads the files over gRPC, verifies size and sha256, stages, warms up and swaps, and
/// reports the new version, while requests keep being served.
/// </summary>
public sealed class ModelUpdateTests
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task NewVersion_DownloadedVerifiedAndSwapped_NoRequestFailsDuringTheSwap(BrokerKind broker)
    {
        await using var fleet = await FleetEnvironment.StartAsync(broker, ("dev-a", []));
        var agent = await fleet.StartAgentAsync("dev-a", [], seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls"));
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Version == "1") == true);
        var manifest = await AdminApi.PublishAsync(fleet.Hub.Http, "ocr-cls", "2");
        Assert.Equal(new FileInfo(TestModels.ModelFile("ocr-cls")).Length, manifest.Files.Single(f => f.Path == "model.onnx").Size);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answered = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var load = Enumerable.Range(0, 4).Select(worker => RunRequestsAsync(agent.Client, worker, answered[worker], stop.Token)).ToArray();
        await Task.WhenAll(answered.Select(a => a.Task)).WaitAsync(UpdateTimeout, TestContext.Current.CancellationToken); // every worker is served by version 1
        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "ocr-cls", "2");
        var updated = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Version == "2") == true, UpdateTimeout);

        // Requests keep running after the swap until each worker has been answered by version 2.
        var results = await Task.WhenAll(load.Select(async worker =>
        {
            await stop.CancelAsync();
            return await worker;
        }));

        var model = updated.Reported!.Models.Single(m => m.Name == "ocr-cls");
        Assert.Null(model.Error);
        Assert.Empty(results.SelectMany(r => r.Failures));
        var versions = results.SelectMany(r => r.Versions).ToHashSet();
        Assert.Contains("1", versions);
        Assert.Contains("2", versions);
        var after = await agent.Client.ModelInferAsync(InferRequests.OcrCls(99), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("2", after.ModelVersion);
    }

    [Fact]
    public async Task CorruptedFileOnTheHub_IsRefusedWithReason_OldVersionKeepsServing()
    {
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, ("dev-a", []));
        var agent = await fleet.StartAgentAsync("dev-a", [], seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls"));
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Version == "1") == true);
        await AdminApi.PublishAsync(fleet.Hub.Http, "ocr-cls", "2");
        FlipByte(Path.Combine(fleet.PublishedModelDir("ocr-cls", "2"), "model.onnx"));

        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "ocr-cls", "2");
        var refused = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Error is not null) == true, UpdateTimeout);

        var model = refused.Reported!.Models.Single(m => m.Name == "ocr-cls");
        Assert.Equal("1", model.Version);
        Assert.Contains("model.onnx", model.Error, StringComparison.Ordinal);
        Assert.Contains("failed verification", model.Error, StringComparison.Ordinal);
        var response = await agent.Client.ModelInferAsync(InferRequests.OcrCls(7), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("1", response.ModelVersion);
    }

    [Fact]
    public async Task DownloadCutMidFile_ResumesFromItsOffset_AndCompletes()
    {
        // silero-vad (2.3 MB, placement edge) in 4 KiB chunks through a slowed proxy: the cut lands mid-file.
        var setup = new HubSetup([], new Dictionary<string, string?> { ["Hub:Fleet:ChunkBytes"] = "4096" });
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, setup, ("dev-a", []));
        await using var proxy = new FaultProxy("127.0.0.1", fleet.Hub.GrpcPort);
        var agent = await fleet.StartAgentAsync("dev-a", [], downloadEndpoint: proxy.Endpoint);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported is not null);
        var manifest = await AdminApi.PublishAsync(fleet.Hub.Http, "silero-vad", "1");
        var size = manifest.Files.Single(f => f.Path == "model.onnx").Size;

        proxy.Delay(TimeSpan.FromMilliseconds(2));
        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "silero-vad", "1");
        await WaitForBytesAsync(proxy, size / 2);
        var beforeCut = proxy.BytesToClient;
        proxy.Cut();
        proxy.Pass();

        var device = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "silero-vad" && (m.Version == "1" || m.Error is not null)) == true, UpdateTimeout);

        Assert.Null(device.Reported!.Models.Single(m => m.Name == "silero-vad").Error);
        Assert.True(proxy.ConnectionsAccepted >= 2, $"the download did not reconnect after the cut ({proxy.ConnectionsAccepted} connection)");

        // A restart from offset 0 would carry the bytes before the cut (at least half the file) plus the whole file again.
        Assert.True(
            proxy.BytesToClient < size + (beforeCut / 2),
            $"the hub sent {proxy.BytesToClient} bytes for a {size}-byte file cut after {beforeCut}: the download restarted instead of resuming");
        Assert.True(agent.Services.GetRequiredService<ModelStore>().TryGet("silero-vad", out var loaded), "silero-vad is not loaded on the agent");
        Assert.Equal("1", loaded.Info.Version);
    }

    private static async Task<(List<string> Failures, HashSet<string> Versions)> RunRequestsAsync(
        GRPCInferenceService.GRPCInferenceServiceClient client, int worker, TaskCompletionSource answered, CancellationToken stop)
    {
        var failures = new List<string>();
        var versions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; !stop.IsCancellationRequested || !versions.Contains("2"); i++)
        {
            try
            {
                var response = await client.ModelInferAsync(InferRequests.OcrCls((worker * 100_000) + i), cancellationToken: TestContext.Current.CancellationToken);
                versions.Add(response.ModelVersion);
                answered.TrySetResult();
            }
            catch (Grpc.Core.RpcException ex)
            {
                failures.Add($"worker {worker} request {i}: {ex.Status}");
                answered.TrySetResult();
                if (failures.Count > 20)
                {
                    break;
                }
            }
        }

        return (failures, versions);
    }

    private static void FlipByte(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = file.Length / 2;
        var value = file.ReadByte();
        file.Position = file.Length / 2;
        file.WriteByte((byte)(value ^ 0xFF));
    }

    /// <summary>Waits, bounded, until the proxy has carried <paramref name="bytes"/> to the agent (the download is under way).</summary>
    private static async Task WaitForBytesAsync(FaultProxy proxy, long bytes)
    {
        var deadline = TimeSpan.FromSeconds(60);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (proxy.BytesToClient < bytes)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < deadline, $"only {proxy.BytesToClient} of {bytes} bytes arrived within {deadline}");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
