using System.Runtime.CompilerServices;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Runs an unbatched request at once, on the model instance with the fewest runs in flight.</summary>
internal sealed class DirectRunner(TimeProvider time, HubMetrics metrics)
{
    private readonly ConditionalWeakTable<LoadedModel, int[]> _inFlight = [];

    public ModelInferResponse Run(LoadedModel model, ModelInferRequest request, CancellationToken cancellationToken)
    {
        var instances = model.Instances;
        var counts = instances.Count == 1 ? null : _inFlight.GetValue(model, static m => new int[m.Instances.Count]);
        var index = counts is null ? 0 : LeastBusy(counts);
        if (counts is not null)
        {
            Interlocked.Increment(ref counts[index]);
        }

        try
        {
            var started = time.GetTimestamp();
            var response = instances[index].Run(request, cancellationToken);
            metrics.Computed(model.Info.Name, time.GetElapsedTime(started));
            return response;
        }
        finally
        {
            if (counts is not null)
            {
                Interlocked.Decrement(ref counts[index]);
            }
        }
    }

    private static int LeastBusy(int[] counts)
    {
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (Volatile.Read(ref counts[i]) < Volatile.Read(ref counts[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
