using Microsoft.Extensions.Hosting;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// Opens the agent database when the host starts (resolving this service opens it), so a bad
/// <c>Agent:DataDir</c> or an unopenable file stops start-up with its message instead of failing
/// the first request.
/// </summary>
internal sealed class EdgeStorageStartup(EdgeDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = database.SchemaVersion;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
