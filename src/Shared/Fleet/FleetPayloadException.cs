namespace EdgeCloud.Shared.Fleet;

/// <summary>A fleet payload that cannot be accepted, with the reason and a message a person can act on.</summary>
public sealed class FleetPayloadException(FleetRejectReason reason, string message) : Exception(message)
{
    public FleetRejectReason Reason { get; } = reason;
}
