namespace EdgeCloud.Shared.Fleet;

/// <summary>Why a fleet message was refused; each is logged and counted.</summary>
public enum FleetRejectReason
{
    Malformed,
    Oversized,
    UnknownSchema,
    ForbiddenTopic,
    Invalid,
}
