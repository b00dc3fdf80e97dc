namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// <c>…/devices/{id}/telemetry</c>, QoS 0, periodic: counts over the last interval plus gauges.
/// <paramref name="ErrorRate"/> is errors / requests over the interval (0 with no requests).
/// </summary>
public sealed record TelemetryMessage(
    int Schema,
    long Ts,
    long Requests,
    long Errors,
    double ErrorRate,
    double LatencyP50Ms,
    long WorkingSetBytes);
