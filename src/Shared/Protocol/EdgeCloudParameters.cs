namespace EdgeCloud.Shared.Protocol;

/// <summary>EdgeCloud's own request and response parameters (DESIGN.md, all optional).</summary>
public static class EdgeCloudParameters
{
    public const string Route = "edgecloud.route";
    public const string DeadlineMs = "edgecloud.deadline_ms";
    public const string Cache = "edgecloud.cache";
    public const string ServedBy = "edgecloud.served_by";
    public const string Degraded = "edgecloud.degraded";
    public const string Variant = "edgecloud.variant";
    public const string ExecutionProvider = "edgecloud.execution_provider";
    public const string Defer = "edgecloud.defer";
    public const string Escalated = "edgecloud.escalated";

    /// <summary>Response: true when the cloud was slow, so the device ran the request too (whichever answered is in served_by).</summary>
    public const string Hedged = "edgecloud.hedged";

    public const string ServedByLocal = "local";
    public const string ServedByCloud = "cloud";
    public const string ServedByCache = "cache";
}
