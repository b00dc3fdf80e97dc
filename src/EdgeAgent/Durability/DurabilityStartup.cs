using EdgeCloud.EdgeAgent.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Durability;

/// <summary>
/// At start: opens the outbox (and with it the database, quarantining a corrupt file), starts its
/// metrics, and clears what a crash left half-done in the data folder. Registered before the
/// other hosted services, so it runs before the drainer and the job runner start.
/// </summary>
internal sealed class DurabilityStartup(
    SqliteOutbox outbox,
    OutboxMetrics metrics,
    IOptions<AgentOptions> options,
    ILogger<DurabilityStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        var removed = DataDirRecovery.Run(dataDir, logger);
        var stats = outbox.Stats;
        Log.Started(logger, stats.PendingEvents, stats.PendingBytes, removed.Count, dataDir);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
