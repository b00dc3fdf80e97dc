using System.Globalization;

namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// Reads the hub's own per-model timings from its Prometheus page (<c>/metrics</c>): the compute
/// histogram (one model run) and the batching-queue histogram, as running sums and counts, and the
/// process's GC totals from .NET's System.Runtime meter. Null when the hub does not export them.
/// </summary>
internal sealed class HubMetricsScraper(HttpClient http, Uri metricsUri)
{
    private const string Compute = "edgecloud_hub_compute_duration_seconds";
    private const string Queue = "edgecloud_hub_queue_duration_seconds";
    private const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";
    private const string Collections = "dotnet_gc_collections_total";
    private const string GcPause = "dotnet_gc_pause_time_seconds_total";

    public async Task<HubTimings?> ReadAsync(string model, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await http.GetStringAsync(metricsUri, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        var label = $"model=\"{model}\"";
        var computeSum = Find(text, Compute + "_sum", label);
        var computeCount = Find(text, Compute + "_count", label);
        return computeSum is null || computeCount is null
            ? null
            : new HubTimings(
                computeSum.Value, (long)computeCount.Value, Find(text, Queue + "_sum", label) ?? 0, (long)(Find(text, Queue + "_count", label) ?? 0),
                Find(text, Allocated, "") ?? 0, (long)Sum(text, Collections), Find(text, GcPause, "") ?? 0);
    }

    private static double Sum(string text, string metric)
    {
        double total = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal))
            {
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    private static double? Find(string text, string metric, string label)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            {
                var value = line[(line.LastIndexOf(' ') + 1)..];
                return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
