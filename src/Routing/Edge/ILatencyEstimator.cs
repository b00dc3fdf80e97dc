namespace EdgeCloud.Routing.Edge;

/// <summary>
/// Exponentially weighted moving averages of observed latency, per model and path. Thread-safe.
/// Feed it with durations measured by <see cref="TimeProvider.GetElapsedTime(long)"/>.
/// </summary>
public interface ILatencyEstimator
{
    /// <summary>Adds an observed end-to-end latency of <paramref name="modelName"/> on <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="path"/> is <see cref="RouteTarget.Refuse"/>, or the latency is negative.</exception>
    void Record(string modelName, RouteTarget path, TimeSpan latency);

    /// <summary>
    /// The current estimate; without samples, <see cref="EdgeRouteOptions.DefaultLocalLatency"/> or
    /// <see cref="EdgeRouteOptions.DefaultCloudLatency"/>.
    /// </summary>
    TimeSpan Estimate(string modelName, RouteTarget path);
}
