namespace EdgeCloud.Routing.Edge;

/// <summary>The rule of <see cref="IEdgeRoutePolicy"/> that settled a decision, in the order they apply.</summary>
public enum RouteRule
{
    /// <summary>The caller's explicit <see cref="RouteHint"/>.</summary>
    Hint,

    /// <summary>Where the model is available and allowed to run.</summary>
    Availability,

    /// <summary>A multimodal request prefers the cloud.</summary>
    Modality,

    /// <summary>A request whose estimated cost exceeds the threshold prefers the cloud.</summary>
    Heaviness,

    /// <summary>The path whose latency estimate fits the deadline.</summary>
    Deadline,

    /// <summary>The cloud link's circuit is open, so a cloud preference runs locally.</summary>
    LinkHealth,

    /// <summary>No rule applied: the configured default preference.</summary>
    DefaultPreference,
}
