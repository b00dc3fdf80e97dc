namespace EdgeCloud.Shared.Fleet;

/// <summary>Versions and bounds of the fleet payloads.</summary>
public static class FleetSchema
{
    /// <summary>The <c>schema</c> field every payload carries; anything else is refused as unknown.</summary>
    public const int Current = 1;

    /// <summary>The largest payload accepted on any fleet topic. Default bound for hub and agent: 256 KiB.</summary>
    public const int MaxPayloadBytes = 256 * 1024;
}
