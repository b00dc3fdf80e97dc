using Microsoft.AspNetCore.Builder;

namespace EdgeCloud.Bench.Outbox;

/// <summary>Stops a started app (hosted services see a normal stop) before disposing it.</summary>
internal sealed class StoppingApp(WebApplication app) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
