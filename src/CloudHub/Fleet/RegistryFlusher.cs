namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Writes registry changes to the hub database every <see cref="FleetHubOptions.FlushInterval"/>, and once more at stop.</summary>
internal sealed class RegistryFlusher(DeviceRegistry registry, Microsoft.Extensions.Options.IOptions<FleetHubOptions> options, TimeProvider time, ILogger<RegistryFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushSafelyAsync(CancellationToken.None);
    }

    private async Task FlushSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            Log.RegistryFlushFailed(logger, ex.Message);
        }
    }
}
