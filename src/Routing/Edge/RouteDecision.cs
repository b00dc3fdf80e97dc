namespace EdgeCloud.Routing.Edge;

/// <summary>The outcome of <see cref="IEdgeRoutePolicy.Decide"/>.</summary>
/// <param name="Target">Where the request runs, or <see cref="RouteTarget.Refuse"/>.</param>
/// <param name="Rule">The rule that settled it.</param>
/// <param name="Reason">A human-readable reason, for logs and for UNAVAILABLE messages.</param>
/// <param name="CanFallbackToLocal">
/// Whether a failed cloud call may be retried on the device (answered as degraded). Always
/// <see langword="false"/> unless <paramref name="Target"/> is <see cref="RouteTarget.Cloud"/>.
/// </param>
public sealed record RouteDecision(RouteTarget Target, RouteRule Rule, string Reason, bool CanFallbackToLocal)
{
    /// <summary>Whether the request is refused.</summary>
    public bool IsRefused => Target == RouteTarget.Refuse;
}
