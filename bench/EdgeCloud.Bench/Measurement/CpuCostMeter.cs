using System.Diagnostics;
using EdgeCloud.Bench.Hosting;
using EdgeCloud.Bench.Paths;

namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// Runs one path alone for a while and divides the CPU time the bench and the hub process used by
/// the number of calls (the server is the hub, or the bare reference server for its path). Unlike wall-clock latency this barely moves when other work shares the cores,
/// so it still shows what the hub costs on a busy machine. Resolution is the kernel's accounting tick
/// (10 ms), hence runs of seconds. For paths through the hub it also reads the hub's own compute and
/// queue histograms, so the hub's time can be split into running the model and everything around it.
/// </summary>
internal sealed class CpuCostMeter(int hubProcessId, HubMetricsScraper metrics)
{
    public async Task<CpuCost> MeasureAsync(ILatencyPath path, string model, TimeSpan duration, CancellationToken cancellationToken, int? bareProcessId = null)
    {
        var throughHub = path.Role is PathRole.HubGrpc or PathRole.HubRest or PathRole.HubRestBinary or PathRole.TransportFloor;
        var timings0 = throughHub ? await metrics.ReadAsync(model, cancellationToken) : null;
        using var self = Process.GetCurrentProcess();
        using var hub = Process.GetProcessById(path.Role == PathRole.BareGrpc && bareProcessId is { } bare ? bare : hubProcessId);
        var client0 = self.TotalProcessorTime;
        var hub0 = hub.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            await path.InvokeAsync(cancellationToken);
            calls++;
        }

        var wall = Stopwatch.GetElapsedTime(start);
        self.Refresh();
        hub.Refresh();
        var client = self.TotalProcessorTime - client0;
        var server = hub.TotalProcessorTime - hub0;
        var timings = timings0 is not null && await metrics.ReadAsync(model, cancellationToken) is { } timings1 ? timings1 - timings0 : null;
        return new CpuCost(
            path.Name, path.Role, calls, PerCall(client, calls), PerCall(server, calls), PerCall(wall, calls),
            timings?.ComputeMicros, timings?.QueueMicros,
            timings?.AllocatedBytes / calls, timings?.GcPauseSeconds * 1e6 / calls, timings?.GcCollections);
    }

    private static double PerCall(TimeSpan total, long calls) => total.TotalMicroseconds / calls;
}
