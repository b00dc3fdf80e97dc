namespace EdgeCloud.Routing.Edge;

/// <summary>
/// Decides where an edge request runs. Rules apply in order and the first that settles wins:
/// explicit hint → model availability → modality (multimodal prefers cloud) → heaviness → deadline
/// (latency estimates of both paths) → link health (an open cloud circuit turns a cloud preference
/// local) → the configured default preference. Pure: no I/O, thread-safe.
/// </summary>
public interface IEdgeRoutePolicy
{
    /// <summary>Decides where <paramref name="request"/> runs, with the reason.</summary>
    RouteDecision Decide(RouteRequest request);

    /// <summary>
    /// The confidence cascade: whether a local result with <paramref name="confidence"/> should be
    /// re-run in the cloud. True when the confidence is below
    /// <see cref="EdgeRouteOptions.ConfidenceThreshold"/> (or NaN), the hint is not
    /// <see cref="RouteHint.Local"/>, the model may run in the cloud and the link is up.
    /// </summary>
    bool ShouldEscalate(RouteRequest request, float confidence);
}
