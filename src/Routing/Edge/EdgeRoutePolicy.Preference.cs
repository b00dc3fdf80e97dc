namespace EdgeCloud.Routing.Edge;

/// <summary>The soft preferences, applied when the model may run on both paths.</summary>
internal sealed partial class EdgeRoutePolicy
{
    private RouteDecision Prefer(RouteRequest request, EdgeRouteOptions current) =>
        PreferByModality(request)
        ?? PreferByHeaviness(request, current)
        ?? PreferByDeadline(request)
        ?? PreferByDefault(request, current);

    private static RouteDecision? PreferByModality(RouteRequest request) =>
        request.IsMultimodal
            ? Cloud(request, RouteRule.Modality, Format($"multimodal request ({request.Modalities}) prefers the cloud"))
            : null;

    private static RouteDecision? PreferByHeaviness(RouteRequest request, EdgeRouteOptions current) =>
        request.EstimatedCost > current.HeavyCostThreshold
            ? Cloud(request, RouteRule.Heaviness, Format($"estimated cost {request.EstimatedCost:G4} exceeds the heavy threshold {current.HeavyCostThreshold:G4}"))
            : null;

    private RouteDecision? PreferByDeadline(RouteRequest request)
    {
        if (request.Deadline is not { } deadline)
        {
            return null;
        }

        var local = latency.Estimate(request.ModelName, RouteTarget.Local);
        var cloud = latency.Estimate(request.ModelName, RouteTarget.Cloud);
        var estimates = Format($"local ~{local.TotalMilliseconds:F0} ms, cloud ~{cloud.TotalMilliseconds:F0} ms, deadline {deadline.TotalMilliseconds:F0} ms");
        if (local <= deadline)
        {
            var fit = cloud <= deadline ? "both paths fit the deadline, preferring local" : "only local fits the deadline";
            return Local(RouteRule.Deadline, $"{fit} ({estimates})");
        }

        if (cloud <= deadline)
        {
            return Cloud(request, RouteRule.Deadline, $"only cloud fits the deadline ({estimates})");
        }

        return local <= cloud
            ? Local(RouteRule.Deadline, $"neither path fits the deadline, local is faster ({estimates})")
            : Cloud(request, RouteRule.Deadline, $"neither path fits the deadline, cloud is faster ({estimates})");
    }

    private static RouteDecision PreferByDefault(RouteRequest request, EdgeRouteOptions current) =>
        current.DefaultPreference == RouteTarget.Cloud
            ? Cloud(request, RouteRule.DefaultPreference, "no rule applied, the default preference is cloud")
            : Local(RouteRule.DefaultPreference, "no rule applied, the default preference is local");
}
