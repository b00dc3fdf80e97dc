using EdgeCloud.CloudHub.Tests.Batching;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Backends;

/// <summary>
/// Three real hubs on loopback: B and C serve ocr-cls, A serves nothing itself and fronts ocr-cls on
/// B and C (round-robin, two attempts, quick ejection and 200 ms probes, two failures to turn unhealthy, so that a
/// dead backend is noticed fast while a busy test machine does not mark live ones down).
/// </summary>
internal sealed class BackendHubs : IAsyncDisposable
{
    private readonly LinkedRepository _served = new LinkedRepository().Add("ocr-cls", LinkedRepository.Batched(maxBatchSize: 8, delayMicroseconds: 500));
    private readonly LinkedRepository _empty = new();

    private BackendHubs()
    {
    }

    public InProcessHub Front { get; private set; } = null!;

    public InProcessHub B { get; private set; } = null!;

    public InProcessHub C { get; private set; } = null!;

    private readonly HashSet<InProcessHub> _stopped = [];

    public static async Task<BackendHubs> StartAsync()
    {
        var hubs = new BackendHubs();
        hubs.B = await InProcessHub.StartAsync(hubs._served.Root, ["ocr-cls"]);
        hubs.C = await InProcessHub.StartAsync(hubs._served.Root, ["ocr-cls"]);
        hubs.Front = await InProcessHub.StartAsync(hubs._empty.Root, [], new Dictionary<string, string?>
        {
            ["Hub:Backends:ocr-cls:Endpoints:0:Address"] = hubs.B.GrpcAddress,
            ["Hub:Backends:ocr-cls:Endpoints:1:Address"] = hubs.C.GrpcAddress,
            ["Hub:Backends:ocr-cls:Policy"] = "RoundRobin",
            ["Hub:Backends:ocr-cls:MaxAttempts"] = "2",
            ["Hub:Backends:ocr-cls:AttemptTimeout"] = "00:00:10",
            ["Hub:Routing:PassiveHealth:MinimumRequests"] = "2",
            ["Hub:Routing:CircuitBreaker:MinimumThroughput"] = "2",
            ["Hub:Routing:CircuitBreaker:BreakDuration"] = "00:01:00",
            ["Hub:Routing:ActiveHealth:Interval"] = "00:00:00.200",
            ["Hub:Routing:ActiveHealth:UnhealthyThreshold"] = "2",
            ["Hub:Backends:ocr-cls:ProbeTimeout"] = "00:00:05",
            ["Hub:Routing:ActiveHealth:HealthyThreshold"] = "1",
        });
        return hubs;
    }

    /// <summary>Stops a backend hub, as if its process died: its port refuses connections from now on.</summary>
    public async Task StopAsync(InProcessHub hub)
    {
        if (_stopped.Add(hub))
        {
            await hub.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        await StopAsync(B);
        await StopAsync(C);

        _served.Dispose();
        _empty.Dispose();
    }
}
