using System.Diagnostics;
using EdgeCloud.Bench.Paths;

namespace EdgeCloud.Bench.Measurement;

/// <summary>
/// Runs one path alone for a while and divides the CPU time the bench and the hub process used by
/// the number of calls. Unlike wall-clock latency this barely moves when other work shares the cores,
/// so it still shows what the hub costs on a busy machine. Resolution is the kernel's accounting tick
/// (10 ms), hence runs of seconds.
/// </summary>
internal sealed class CpuCostMeter(int hubProcessId)
{
    public async Task<CpuCost> MeasureAsync(ILatencyPath path, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        using var hub = Process.GetProcessById(hubProcessId);
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
        return new CpuCost(path.Name, path.Role, calls, PerCall(client, calls), PerCall(server, calls), PerCall(wall, calls));
    }

    private static double PerCall(TimeSpan total, long calls) => total.TotalMicroseconds / calls;
}
