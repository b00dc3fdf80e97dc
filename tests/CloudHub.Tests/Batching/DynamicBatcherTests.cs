using EdgeCloud.Shared.Inference;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class DynamicBatcherTests
{
    [Fact]
    public async Task InferAsync_FewerThanPreferred_WaitsForTheQueueDelay()
    {
        using var h = new BatcherHarness(maxBatchSize: 8, delayMs: 2, preferred: [4]);

        var sent = new[] { h.Send(1), h.Send(10), h.Send(20) };
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.Runner.Runs);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));

        var run = await h.Runner.NextRunAsync();
        Assert.Equal(3, run.Rows);
        var responses = await Task.WhenAll(sent);
        Assert.Equal([2f, 4, 6], EchoModel.Floats(responses[0], "doubled"));
        Assert.Equal([20f, 22, 24], EchoModel.Floats(responses[1], "doubled"));
        Assert.Equal([2L], EchoModel.Longs(responses[2], "row"));
        Assert.Single(h.Runner.Runs);
    }

    [Fact]
    public async Task InferAsync_PreferredSizeReached_RunsWithoutWaiting()
    {
        using var h = new BatcherHarness(maxBatchSize: 8, delayMs: 1000, preferred: [4]);

        var sent = Enumerable.Range(0, 4).Select(i => h.Send(i)).ToArray();

        Assert.Equal(4, (await h.Runner.NextRunAsync()).Rows);
        await Task.WhenAll(sent);
        Assert.Equal([4.0], h.Recorder.Values("edgecloud.hub.batch.size", "echo"));
    }

    [Fact]
    public async Task InferAsync_MoreThanMaxBatchSize_RunsAFullBatchAtOnceAndTheRestAfterTheDelay()
    {
        using var h = new BatcherHarness(maxBatchSize: 4, delayMs: 1000);

        var sent = Enumerable.Range(0, 6).Select(i => h.Send(i)).ToArray();
        Assert.Equal(4, (await h.Runner.NextRunAsync()).Rows);
        await Task.WhenAll(sent.Take(4));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await h.Runner.NextRunAsync()).Rows);
        await Task.WhenAll(sent);
    }

    [Fact]
    public async Task InferAsync_DifferentWidths_AreNotJoined()
    {
        using var h = new BatcherHarness(maxBatchSize: 8, delayMs: 1000, preferred: [2]);

        var a = h.Send(1, width: 3);
        var b = h.Send(1, width: 4);
        var c = h.Send(5, width: 3);

        var first = await h.Runner.NextRunAsync();
        Assert.Equal((2, 3), (first.Rows, first.Width));
        var joined = await c;
        Assert.Equal([10f, 12, 14], EchoModel.Floats(joined, "doubled"));
        Assert.False(b.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await h.Runner.NextRunAsync();
        Assert.Equal((1, 4), (second.Rows, second.Width));
        await Task.WhenAll(a, b);
    }

    [Fact]
    public async Task InferAsync_QueueFull_ThrowsResourceExhaustedNamingTheLimit()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000, maxQueueSize: 2);
        h.Runner.Hold = true;
        var running = new[] { h.Send(1), h.Send(2) };
        await h.Runner.NextRunAsync();
        var queued = new[] { h.Send(3), h.Send(4) };

        var ex = Assert.Throws<InferenceException>(() => { _ = h.Send(5); });

        Assert.Equal(InferenceErrorCode.ResourceExhausted, ex.Code);
        Assert.Contains("max_queue_size 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Batcher.QueueLength);
        h.Runner.Release(2);
        await Task.WhenAll(running.Concat(queued));
        Assert.Equal(2, h.Runner.Runs.Count);
    }

    [Fact]
    public async Task InferAsync_DeadlinePassesWhileQueued_FailsWithDeadlineExceededAndNeverRuns()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000);
        h.Runner.Hold = true;
        var running = new[] { h.Send(1), h.Send(2) };
        await h.Runner.NextRunAsync();
        var late = h.Send(100, deadline: TimeSpan.FromMilliseconds(5));

        h.Time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.False(late.IsCompleted);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<InferenceException>(() => late);
        Assert.Equal(InferenceErrorCode.DeadlineExceeded, ex.Code);
        Assert.Contains("was not run", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Batcher.QueueLength);
        h.Runner.Release();
        await Task.WhenAll(running);
        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(h.Runner.Runs);
    }

    [Fact]
    public async Task InferAsync_CallerCancelsWhileQueued_IsRemovedAndNeverRuns()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000);
        h.Runner.Hold = true;
        var running = new[] { h.Send(1), h.Send(2) };
        await h.Runner.NextRunAsync();
        using var caller = new CancellationTokenSource();
        var canceled = h.SendCancelable(100, caller.Token);
        Assert.Equal(1, h.Batcher.QueueLength);

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        Assert.Equal(0, h.Batcher.QueueLength);
        h.Runner.Release();
        await Task.WhenAll(running);
        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(h.Runner.Runs);
    }

    [Fact]
    public void InferAsync_CallerAlreadyCanceled_ThrowsWithoutQueueing()
    {
        using var h = new BatcherHarness();

        Assert.Throws<OperationCanceledException>(() => { _ = h.SendCancelable(1, new CancellationToken(canceled: true)); });

        Assert.Equal(0, h.Batcher.QueueLength);
    }

    [Fact]
    public async Task InferAsync_RawAndTypedRequestsJoined_EachGetsItsOwnForm()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000);

        var raw = h.Send(1, raw: true, id: "raw");
        var typed = h.Send(4, raw: false, id: "typed");

        Assert.Equal(2, (await h.Runner.NextRunAsync()).Rows);
        var rawResponse = await raw;
        var typedResponse = await typed;
        Assert.Equal(2, rawResponse.RawOutputContents.Count);
        Assert.Equal([2f, 4, 6], EchoModel.Floats(rawResponse, "doubled"));
        Assert.Equal([0L], EchoModel.Longs(rawResponse, "row"));
        Assert.Empty(typedResponse.RawOutputContents);
        Assert.Equal([8f, 10, 12], typedResponse.Outputs[0].Contents.Fp32Contents);
        Assert.Equal([1L], typedResponse.Outputs[1].Contents.Int64Contents);
        Assert.Equal([1L, 3], typedResponse.Outputs[0].Shape);
        Assert.Equal(("raw", "typed"), (rawResponse.Id, typedResponse.Id));
    }

    [Fact]
    public async Task InferAsync_MultiRowRequests_AreSplitByTheirRows()
    {
        using var h = new BatcherHarness(maxBatchSize: 3, delayMs: 1000);

        var two = h.Send(1, rows: 2);
        var one = h.Send(50, rows: 1);

        Assert.Equal(3, (await h.Runner.NextRunAsync()).Rows);
        var twoRows = await two;
        var oneRow = await one;
        Assert.Equal([0L, 1], EchoModel.Longs(twoRows, "row"));
        Assert.Equal([2L, 3], twoRows.Outputs[0].Shape);
        Assert.Equal([2L, 1], twoRows.Outputs[1].Shape);
        Assert.Equal([2L], EchoModel.Longs(oneRow, "row"));
        Assert.Equal([100f, 102, 104], EchoModel.Floats(oneRow, "doubled"));
    }

    [Fact]
    public async Task InferAsync_TwoInstances_RunTwoBatchesAtOnce()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000, instances: 2);
        h.Runner.Hold = true;

        var sent = Enumerable.Range(0, 4).Select(i => h.Send(i)).ToArray();

        var first = await h.Runner.NextRunAsync();
        var second = await h.Runner.NextRunAsync();
        Assert.Equal([0, 1], new[] { first.Instance, second.Instance }.Order());
        h.Runner.Release(2);
        await Task.WhenAll(sent);
    }

    [Fact]
    public async Task InferAsync_JoinedRunFails_RunsEachAloneSoOnlyTheBadOneFails()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000);
        h.Runner.FailWhen = r => EchoModel.Run(r) is var answer && EchoModel.Floats(answer, "doubled").Contains(1332f);

        var good = h.Send(1);
        var bad = h.Send(666);

        var goodResponse = await good;
        Assert.Equal([2f, 4, 6], EchoModel.Floats(goodResponse, "doubled"));
        var ex = await Assert.ThrowsAsync<InferenceException>(() => bad);
        Assert.Equal(InferenceErrorCode.Internal, ex.Code);
        Assert.Equal([2, 1, 1], h.Runner.Runs.Select(r => r.Rows));
    }

    [Fact]
    public void InferAsync_MoreRowsThanMaxBatchSize_ThrowsInvalidArgument()
    {
        using var h = new BatcherHarness(maxBatchSize: 2);

        var ex = Assert.Throws<InferenceException>(() => { _ = h.Send(1, rows: 3); });

        Assert.Equal(InferenceErrorCode.InvalidArgument, ex.Code);
        Assert.Contains("max_batch_size=2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InferAsync_BadRequest_IsRefusedAloneAndNeverQueued()
    {
        using var h = new BatcherHarness();
        var request = EchoModel.Request(1);
        request.Inputs[0].Datatype = "FP64";

        var ex = Assert.Throws<InferenceException>(() => { _ = h.Batcher.InferAsync(request, deadline: null, CancellationToken.None); });

        Assert.Equal(InferenceErrorCode.InvalidArgument, ex.Code);
        Assert.Equal(0, h.Batcher.QueueLength);
    }

    [Fact]
    public void InferAsync_UnknownOutput_ThrowsInvalidArgumentNamingTheOutputs()
    {
        using var h = new BatcherHarness();
        var request = EchoModel.Request(1);
        request.Outputs.Add(new Protocol.ModelInferRequest.Types.InferRequestedOutputTensor { Name = "nope" });

        var ex = Assert.Throws<InferenceException>(() => { _ = h.Batcher.InferAsync(request, deadline: null, CancellationToken.None); });

        Assert.Contains("expected outputs: doubled, row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InferAsync_DifferentRequestedOutputs_AreNotJoined()
    {
        using var h = new BatcherHarness(maxBatchSize: 2, delayMs: 1000);
        var onlyRow = EchoModel.Request(1);
        onlyRow.Outputs.Add(new Protocol.ModelInferRequest.Types.InferRequestedOutputTensor { Name = "row" });

        var a = h.Batcher.InferAsync(onlyRow, deadline: null, CancellationToken.None);
        var b = h.Send(2);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(a, b);

        Assert.Equal(["row"], (await a).Outputs.Select(o => o.Name));
        Assert.Equal(["doubled", "row"], (await b).Outputs.Select(o => o.Name));
        Assert.All(h.Runner.Runs, r => Assert.Equal(1, r.Rows));
    }

    [Fact]
    public async Task InferAsync_Batch_RecordsQueueTimeAndBatchSize()
    {
        using var h = new BatcherHarness(maxBatchSize: 8, delayMs: 3);

        var sent = new[] { h.Send(1), h.Send(2) };
        h.Time.Advance(TimeSpan.FromMilliseconds(3));
        await Task.WhenAll(sent);

        Assert.Equal([0.003, 0.003], h.Recorder.Values("edgecloud.hub.queue.duration", "echo"));
        Assert.Equal([2.0], h.Recorder.Values("edgecloud.hub.batch.size", "echo"));
        Assert.Equal(0, h.Recorder.Values("edgecloud.hub.queue.depth", "echo").Sum());
    }
}
