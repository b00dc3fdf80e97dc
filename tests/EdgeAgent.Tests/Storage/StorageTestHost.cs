using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCloud.EdgeAgent.Tests.Storage;

internal static class StorageTestHost
{
    public static EdgeDatabase Open(string dataDir, TimeProvider? timeProvider = null, ILogger<EdgeDatabase>? logger = null, IReadOnlyList<EdgeMigration>? migrations = null) =>
        EdgeDatabase.Open(
            new EdgeStorageOptions { DataDir = dataDir },
            timeProvider ?? TimeProvider.System,
            logger ?? NullLogger<EdgeDatabase>.Instance,
            migrations);

    public static object? Scalar(EdgeDatabase database, string sql)
    {
        using var lease = database.RentReader();
        return lease.Command(sql).ExecuteScalar();
    }
}
