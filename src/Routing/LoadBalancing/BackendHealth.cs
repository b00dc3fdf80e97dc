namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>A backend's health as seen by active probes.</summary>
public enum BackendHealth
{
    /// <summary>Not probed enough to say; treated as available.</summary>
    Unknown,

    /// <summary>The last consecutive probes succeeded.</summary>
    Healthy,

    /// <summary>The last consecutive probes failed; not available.</summary>
    Unhealthy,
}
