using System.Text.Json.Nodes;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Integration;

/// <summary>
/// ocr-cls declares its softmax output as its confidence; with a threshold of 1.0 every local
/// answer is unsure, so it is escalated to the cloud model unless the caller pinned it to the device.
/// </summary>
public sealed class ConfidenceCascadeTests : IAsyncLifetime
{
    private readonly EdgeSeed _seed = new("ocr-cls");
    private InProcessHub _hub = null!;
    private InProcessAgent _agent = null!;
    private string _dataDir = "";

    public async ValueTask InitializeAsync()
    {
        _seed.SetConfig("ocr-cls", "confidence_output", JsonValue.Create("softmax_0.tmp_0"));
        _hub = await InProcessHub.StartAsync(TestModels.Repository, ["ocr-cls"]);
        _dataDir = _seed.NewDataDir();
        _agent = await InProcessAgent.StartAsync(_dataDir, _seed.Root, _hub.GrpcAddress,
            new Dictionary<string, string?> { ["Agent:Routing:ConfidenceThreshold"] = "1.0" });
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _hub.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
        _seed.Dispose();
    }

    [Fact]
    public async Task ModelInfer_LowConfidenceLocalResult_IsEscalatedToTheCloud()
    {
        var response = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(7, cache: false), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("cloud", response.ServedBy());
        Assert.True(response.Parameters[EdgeCloudParameters.Escalated].BoolParam);
    }

    [Fact]
    public async Task ModelInfer_LowConfidenceWithLocalHint_StaysOnTheDevice()
    {
        var response = await _agent.Client.ModelInferAsync(AgentRequests.OcrCls(7, cache: false, route: "local"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("local", response.ServedBy());
        Assert.False(response.Parameters.ContainsKey(EdgeCloudParameters.Escalated));
    }
}
