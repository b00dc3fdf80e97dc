using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Edge;

/// <summary>
/// The edge route policy: the hard rules (hint, availability, link health) here, the soft
/// preferences in <c>EdgeRoutePolicy.Preference.cs</c>.
/// </summary>
internal sealed partial class EdgeRoutePolicy(IOptionsMonitor<EdgeRouteOptions> options, ILatencyEstimator latency)
    : IEdgeRoutePolicy
{
    public RouteDecision Decide(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DecideByHint(request)
            ?? DecideByAvailability(request)
            ?? ApplyLinkHealth(request, Prefer(request, options.CurrentValue));
    }

    public bool ShouldEscalate(RouteRequest request, float confidence)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hint == RouteHint.Local || !request.CanRunInCloud || !request.IsCloudLinkUp)
        {
            return false;
        }

        // NaN compares false, so a meaningless confidence escalates too.
        return !(confidence >= options.CurrentValue.ConfidenceThreshold);
    }

    private static RouteDecision? DecideByHint(RouteRequest request) => request.Hint switch
    {
        RouteHint.Local when request.CanRunLocally => Local(RouteRule.Hint, "local execution was requested"),
        RouteHint.Local => Refuse(RouteRule.Hint, Format($"local execution was requested but model '{request.ModelName}' is not available on this device")),
        RouteHint.Cloud when !request.CanRunInCloud => Refuse(RouteRule.Hint, Format($"cloud execution was requested but model '{request.ModelName}' is placed on the edge only")),
        RouteHint.Cloud when !request.IsCloudLinkUp => Refuse(RouteRule.Hint, Format($"cloud execution was requested but the cloud link circuit is {request.CloudLink}")),
        RouteHint.Cloud => Cloud(request, RouteRule.Hint, "cloud execution was requested"),
        _ => null,
    };

    private static RouteDecision? DecideByAvailability(RouteRequest request) => (request.CanRunLocally, request.CanRunInCloud) switch
    {
        (false, false) => Refuse(RouteRule.Availability, Format($"model '{request.ModelName}' is not available on this device and its placement forbids the cloud")),
        (true, false) => Local(RouteRule.Availability, Format($"model '{request.ModelName}' is placed on the edge only")),
        (false, true) when !request.IsCloudLinkUp => Refuse(RouteRule.LinkHealth, Format($"model '{request.ModelName}' is not available on this device and the cloud link circuit is {request.CloudLink}")),
        (false, true) => Cloud(request, RouteRule.Availability, Format($"model '{request.ModelName}' is not available on this device")),
        _ => null,
    };

    private static RouteDecision ApplyLinkHealth(RouteRequest request, RouteDecision preferred) =>
        preferred.Target == RouteTarget.Cloud && !request.IsCloudLinkUp
            ? Local(RouteRule.LinkHealth, Format($"{preferred.Reason}, but the cloud link circuit is {request.CloudLink}: running locally"))
            : preferred;

    private static RouteDecision Local(RouteRule rule, string reason) => new(RouteTarget.Local, rule, reason, CanFallbackToLocal: false);

    private static RouteDecision Cloud(RouteRequest request, RouteRule rule, string reason) =>
        new(RouteTarget.Cloud, rule, reason, CanFallbackToLocal: request.CanRunLocally);

    private static RouteDecision Refuse(RouteRule rule, string reason) => new(RouteTarget.Refuse, rule, reason, CanFallbackToLocal: false);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
