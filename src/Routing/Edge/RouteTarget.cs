namespace EdgeCloud.Routing.Edge;

/// <summary>
/// Where a request runs. The result cache is not a target: the agent looks it up before routing.
/// </summary>
public enum RouteTarget
{
    /// <summary>The on-device engine.</summary>
    Local,

    /// <summary>The cloud hub.</summary>
    Cloud,

    /// <summary>Neither: the request is refused, see <see cref="RouteDecision.Reason"/>.</summary>
    Refuse,
}
