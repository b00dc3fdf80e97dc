using System.Globalization;
using System.Text.RegularExpressions;
using EdgeCloud.CloudHub.Tests.Batching;
using EdgeCloud.TestUtilities;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Metrics;

/// <summary>The Prometheus scrape endpoint on Hub:HttpPort after real requests.</summary>
public sealed partial class MetricsEndpointTests : IAsyncLifetime
{
    private readonly LinkedRepository _repository = new LinkedRepository()
        .Add("ocr-cls", LinkedRepository.Batched(maxBatchSize: 8, delayMicroseconds: 500))
        .Add("resnet18", "\"max_batch_size\": 0");

    private InProcessHub _hub = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _hub = await InProcessHub.StartAsync(_repository.Root, ["ocr-cls", "resnet18"]);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task Metrics_AfterRequests_ShowsCountersQueueComputeAndBatchSizePerModel()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _hub.Client.ModelInferAsync(OcrClsRequests.Create(i), cancellationToken: Token).ResponseAsync));
        var bad = OcrClsRequests.Create(9);
        bad.Inputs[0].Datatype = "FP64";
        await Assert.ThrowsAsync<RpcException>(() => _hub.Client.ModelInferAsync(bad, cancellationToken: Token).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => _hub.Client.ModelInferAsync(new Protocol.ModelInferRequest { ModelName = "no-such-model" }, cancellationToken: Token).ResponseAsync);

        using var response = await _hub.Http.GetAsync(new Uri("/metrics", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.IsSuccessStatusCode, text);
        Assert.True(Value(text, "edgecloud_hub_requests_total", "model=\"ocr-cls\"") >= 4, text);
        Assert.True(Value(text, "edgecloud_hub_request_failures_total", "code=\"InvalidArgument\"", "model=\"ocr-cls\"") >= 1, text);
        Assert.True(Value(text, "edgecloud_hub_request_failures_total", "code=\"NotFound\"", "model=\"_unknown\"") >= 1, text);
        Assert.True(Value(text, "edgecloud_hub_batch_size_count", "model=\"ocr-cls\"") >= 1, text);
        Assert.True(Value(text, "edgecloud_hub_queue_duration_seconds_count", "model=\"ocr-cls\"") >= 3, text);
        Assert.True(Value(text, "edgecloud_hub_compute_duration_seconds_count", "model=\"ocr-cls\"") >= 1, text);
        Assert.DoesNotContain("no-such-model", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UnbatchedModel_CountsComputeButNoQueue()
    {
        await _hub.Client.ModelInferAsync(Integration.Requests.Resnet(seed: 3), cancellationToken: Token);

        var text = await _hub.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.True(Value(text, "edgecloud_hub_compute_duration_seconds_count", "model=\"resnet18\"") >= 1, text);
        Assert.True(Value(text, "edgecloud_hub_requests_total", "model=\"resnet18\"") >= 1, text);
        Assert.Equal(0, Value(text, "edgecloud_hub_queue_duration_seconds_count", "model=\"resnet18\""));
    }

    /// <summary>The value of the sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>; 0 when absent.</summary>
    private static double Value(string scrape, string metric, params string[] labels)
    {
        foreach (Match match in Sample().Matches(scrape))
        {
            if (match.Groups["name"].Value == metric && labels.All(l => match.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
