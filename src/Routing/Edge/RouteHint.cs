namespace EdgeCloud.Routing.Edge;

/// <summary>The caller's explicit routing wish, taken before every other rule.</summary>
public enum RouteHint
{
    /// <summary>Let the policy decide.</summary>
    Auto,

    /// <summary>Run on this device or refuse.</summary>
    Local,

    /// <summary>Run in the cloud or refuse.</summary>
    Cloud,
}
