using EdgeCloud.Shared.Inference;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Running batches: one per idle instance, on the thread pool.</summary>
internal sealed partial class DynamicBatcher
{
    private void Start(List<Batch>? batches)
    {
        if (batches is null)
        {
            return;
        }

        foreach (var batch in batches)
        {
            long rows = 0;
            foreach (var item in batch.Items)
            {
                _metrics.Queued(Model, _time.GetElapsedTime(item.EnqueuedAt, batch.StartedAt));
                rows += item.Rows;
            }

            _metrics.Batched(Model, (int)rows);
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Batcher.Execute(state.Batch), (Batcher: this, Batch: batch), preferLocal: false);
        }
    }

    private void Execute(Batch batch)
    {
        var started = _time.GetTimestamp();
        try
        {
            if (batch.Items.Count == 1)
            {
                RunAlone(batch.Items[0], batch.Instance);
            }
            else
            {
                RunJoined(batch);
            }
        }
#pragma warning disable CA1031 // The last resort: an exception escaping a thread-pool item would end the hub.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var item in batch.Items)
            {
                item.Completion.TrySetException(new InferenceException(InferenceErrorCode.Internal, $"model '{Model}' failed to run: {ex.Message}", ex));
            }
        }
        finally
        {
            _metrics.Computed(Model, _time.GetElapsedTime(started));
            foreach (var item in batch.Items)
            {
                item.Release();
            }

            List<Batch>? next = null;
            lock (_lock)
            {
                _idleInstances.Push(batch.Instance);
                Dispatch_NeedsLock(ref next);
            }

            Start(next);
        }
    }

    private void RunJoined(Batch batch)
    {
        Protocol.ModelInferResponse[] responses;
        try
        {
            var combined = _runner.Run(batch.Instance, BatchAssembler.Assemble(batch.Items));
            responses = BatchSplitter.Split(combined, batch.Items);
        }
        catch (Exception ex) when (ex is InferenceException or InvalidOperationException or ArgumentException)
        {
            // One request's values can fail a whole run (e.g. a token id outside the vocabulary):
            // run each alone, so that only the bad one fails.
            Log.JoinedRunFailed(_logger, Model, batch.Items.Count, ex.Message);
            foreach (var item in batch.Items)
            {
                RunAlone(item, batch.Instance);
            }

            return;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            batch.Items[i].Completion.TrySetResult(responses[i]);
        }
    }

    private void RunAlone(PendingRequest item, int instance)
    {
        try
        {
            item.Completion.TrySetResult(_runner.Run(instance, item.Request));
        }
        catch (InferenceException ex)
        {
            item.Completion.TrySetException(ex);
        }
    }

    /// <summary>Requests taken from the queue to run together on one instance.</summary>
    private sealed record Batch(List<PendingRequest> Items, int Instance, long StartedAt);
}
