namespace EdgeCloud.CloudHub.Events;

/// <summary>Opens the event store when the hub starts, so a bad <c>Hub:DataDir</c> stops start-up with its message.</summary>
internal sealed class HubEventsStartup(HubEventStore store, ILogger<HubEventsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Opened(logger, store.FilePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
