using System.Diagnostics;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>N simulated agents in this process, connected in batches (each with up to three tries).</summary>
internal sealed class AgentSwarm : IAsyncDisposable
{
    private readonly List<SimulatedAgent> _agents = [];

    public AgentSwarmCounters Counters { get; } = new();

    public int Connected { get; private set; }

    public TimeSpan ConnectTime { get; private set; }

    public async Task ConnectAsync(FanoutFleet fleet, int port, int batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var offset = 0; offset < fleet.Devices.Count; offset += batch)
        {
            var slice = fleet.Devices.Skip(offset).Take(batch).ToArray();
            var results = await Task.WhenAll(slice.Select(d => ConnectOneAsync(fleet, d.Id, d.Secret, port, cancellationToken)));
            Connected += results.Count(static ok => ok);
            if (offset / batch % 10 == 9)
            {
                Console.Error.WriteLine($"  connected {Connected}/{fleet.Devices.Count} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            }
        }

        ConnectTime = Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _agents.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(a => a.DisposeAsync().AsTask()));
        }
    }

    private async Task<bool> ConnectOneAsync(FanoutFleet fleet, string id, string secret, int port, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var agent = new SimulatedAgent(id, fleet.Name, fleet.Group, Counters);
            try
            {
                await agent.ConnectAsync(port, secret, cancellationToken);
                lock (_agents)
                {
                    _agents.Add(agent);
                }

                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await agent.DisposeAsync();
                if (attempt == 3)
                {
                    Console.Error.WriteLine($"  {id}: not connected after 3 tries: {ex.GetType().Name}: {ex.Message}");
                    return false;
                }

                await Task.Delay(200 * attempt, cancellationToken);
            }
        }
    }
}
