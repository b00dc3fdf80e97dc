using EdgeCloud.EdgeAgent.Cache;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// The agent database's schema history, oldest first, numbered 1, 2, 3… without gaps. Each
/// consumer keeps its SQL next to its code (e.g. <see cref="ResultCacheSchema"/>) and appends it here.
/// </summary>
internal static class EdgeMigrations
{
    public static IReadOnlyList<EdgeMigration> All { get; } =
    [
        ResultCacheSchema.V1,
        Outbox.OutboxSchema.V2,
        Jobs.DeferredJobSchema.V3,
        Fleet.FleetStateSchema.V4,
    ];
}
