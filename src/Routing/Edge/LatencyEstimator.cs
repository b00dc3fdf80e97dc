using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Edge;

internal sealed class LatencyEstimator(IOptionsMonitor<EdgeRouteOptions> options) : ILatencyEstimator
{
    private readonly ConcurrentDictionary<(string Model, RouteTarget Path), double> _estimatesMs = new();

    public void Record(string modelName, RouteTarget path, TimeSpan latency)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ThrowIfNotAPath(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);

        var sample = (Ms: latency.TotalMilliseconds, Alpha: options.CurrentValue.EwmaAlpha);
        _estimatesMs.AddOrUpdate(
            (modelName, path),
            static (_, s) => s.Ms,
            static (_, current, s) => current + (s.Alpha * (s.Ms - current)),
            sample);
    }

    public TimeSpan Estimate(string modelName, RouteTarget path)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ThrowIfNotAPath(path);

        if (_estimatesMs.TryGetValue((modelName, path), out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var current = options.CurrentValue;
        return path == RouteTarget.Local ? current.DefaultLocalLatency : current.DefaultCloudLatency;
    }

    private static void ThrowIfNotAPath(RouteTarget path)
    {
        if (path is not (RouteTarget.Local or RouteTarget.Cloud))
        {
            throw new ArgumentOutOfRangeException(nameof(path), path, "Only Local and Cloud are paths.");
        }
    }
}
