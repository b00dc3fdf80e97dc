using EdgeCloud.CloudHub.Batching;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.CloudHub.Tests.Integration;
using EdgeCloud.CloudHub.Tests.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>Real MiniLM and OCR requests through a hub that batches them, over real gRPC.</summary>
public sealed class BatchedInferenceTests : IAsyncLifetime
{
    private static readonly string[] Sentences =
    [
        "A man is eating food.", "A man is eating a piece of bread.", "The stock market crashed today.",
        "A woman is playing the violin.", "Two dogs run across a snowy field.", "The new phone has a better camera.",
        "It will rain in Paris tomorrow.", "She reads a book about ancient Rome.", "The server answered in twelve milliseconds.",
        "Children are building a sandcastle.", "A cat sleeps on the warm windowsill.", "The train to Berlin is late again.",
        "He fixed the bicycle with a spanner.", "Fresh bread smells wonderful.", "The committee approved the budget.",
        "Stars are visible far from the city.",
    ];

    private readonly LinkedRepository _repository = new LinkedRepository()
        .Add("minilm", LinkedRepository.Batched(maxBatchSize: 8, delayMicroseconds: 20_000, instances: 2))
        .Add("ocr-cls", LinkedRepository.Batched(maxBatchSize: 32, delayMicroseconds: 1_000));

    private readonly MiniLmReference _reference = new();
    private InProcessHub _hub = null!;
    private MeterRecorder _recorder = null!;

    public async ValueTask InitializeAsync()
    {
        _hub = await InProcessHub.StartAsync(_repository.Root, ["minilm", "ocr-cls"]);
        _recorder = new MeterRecorder(_hub.Services.GetRequiredService<HubMetrics>().Meter);
    }

    public async ValueTask DisposeAsync()
    {
        _recorder.Dispose();
        await _hub.DisposeAsync();
        _reference.Dispose();
        _repository.Dispose();
    }

    [Fact]
    public async Task ModelInfer_ConcurrentSentencesRawAndTyped_EachEqualsItsUnbatchedRun()
    {
        var requests = Sentences.Select((s, i) => i % 2 == 0 ? MiniLmText.Request(s) : MiniLmReference.Typed(MiniLmText.Request(s))).ToArray();

        var responses = await Task.WhenAll(requests.Select(r =>
            _hub.Client.ModelInferAsync(r, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync));

        for (var i = 0; i < Sentences.Length; i++)
        {
            var expected = _reference.LastHiddenState(MiniLmText.Request(Sentences[i]));
            var typed = i % 2 == 1;
            var actual = typed ? [.. responses[i].Outputs[0].Contents.Fp32Contents] : Requests.Floats(responses[i].RawOutputContents[0]);
            Assert.Equal(typed, responses[i].RawOutputContents.Count == 0);
            Assert.Equal([1L, 128, 384], responses[i].Outputs[0].Shape);
            Assert.Equal(expected.Length, actual.Length);
            var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(maxDiff <= 1e-5, $"sentence {i}: max abs diff {maxDiff} > 1e-5");
        }

        var batchSizes = _recorder.Values("edgecloud.hub.batch.size", "minilm");
        Assert.Equal(Sentences.Length, batchSizes.Sum());
        Assert.True(batchSizes.Max() > 1, $"no request was joined with another: batch sizes {string.Join(", ", batchSizes)}");
    }

    [Fact]
    public async Task ModelInfer_ConcurrentDifferentSequenceLengths_AreNotJoinedAndEachEqualsItsUnbatchedRun()
    {
        var requests = Sentences.Take(6).Select((s, i) => MiniLmText.Request(s, length: i % 2 == 0 ? 64 : 128)).ToArray();

        var responses = await Task.WhenAll(requests.Select(r =>
            _hub.Client.ModelInferAsync(r, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync));

        for (var i = 0; i < requests.Length; i++)
        {
            var expected = _reference.LastHiddenState(requests[i]);
            var actual = Requests.Floats(responses[i].RawOutputContents[0]);
            Assert.Equal(requests[i].Inputs[0].Shape[1], responses[i].Outputs[0].Shape[1]);
            Assert.True(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() <= 1e-5, $"request {i} differs from its unbatched run");
        }
    }

    [Fact]
    public void Load_InstanceCountTwo_LoadsTwoSessionsFedByOneBatcher()
    {
        var store = _hub.Services.GetRequiredService<ModelStore>();
        Assert.True(store.TryGet("minilm", out var model));

        Assert.Equal(2, model.Instances.Count);
        Assert.NotSame(model.Instances[0], model.Instances[1]);
        Assert.Equal(8, _hub.Services.GetRequiredService<ModelBatchers>().For(model)?.Policy.MaxBatchSize);
    }

    [Fact]
    public async Task RepositoryModelLoad_WhileBatchedTrafficRuns_FailsNoRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var served = 0;
        var traffic = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await _hub.Client.ModelInferAsync(OcrClsRequests.Create((worker * 1000) + i), cancellationToken: ct);
                Assert.Equal([1L, 2], response.Outputs[0].Shape);
                Interlocked.Increment(ref served);
            }
        }, ct)).ToArray();

        for (var round = 0; round < 3; round++)
        {
            await _hub.Client.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "ocr-cls" }, cancellationToken: ct);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref served) >= 20, "20 requests were served");
        await stop.CancelAsync();
        await Task.WhenAll(traffic);
        Assert.True(_recorder.Values("edgecloud.hub.batch.size", "ocr-cls").Count > 0);
    }
}
