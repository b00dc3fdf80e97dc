namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// How many of the compatible requests at the head of a queue to run now, as Triton's dynamic
/// batcher decides: all of them when they fill the batch or make a preferred size; else the
/// largest preferred size they can make; else all of them once the oldest has waited the queue
/// delay; else none yet.
/// </summary>
internal static class BatchSizer
{
    /// <param name="rows">The rows of each compatible request, oldest first, already capped to fit one batch.</param>
    /// <param name="full">Whether the next compatible request did not fit (the batch cannot grow).</param>
    /// <param name="policy">The model's batching policy.</param>
    /// <param name="delayExpired">Whether the oldest request has waited the queue delay.</param>
    public static int Take(IReadOnlyList<int> rows, bool full, BatchPolicy policy, bool delayExpired)
    {
        long total = 0;
        var bestPreferred = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            total += rows[i];
            if (policy.IsPreferred(total))
            {
                bestPreferred = i + 1;
            }
        }

        if (full || total >= policy.MaxBatchSize || bestPreferred == rows.Count)
        {
            return rows.Count;
        }

        if (bestPreferred > 0)
        {
            return bestPreferred;
        }

        return delayExpired ? rows.Count : 0;
    }
}
