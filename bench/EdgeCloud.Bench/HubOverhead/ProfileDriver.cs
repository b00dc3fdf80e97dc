using System.Diagnostics;
using EdgeCloud.Bench.Hosting;
using EdgeCloud.Bench.Paths;
using EdgeCloud.Bench.Workloads;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>Keeps sending silero-vad over one path so a profiler attached to the hub sees only that work.</summary>
internal static class ProfileDriver
{
    public static async Task DriveAsync(
        string path, HubProcess hub, HubClients clients, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        var workload = BenchWorkloads.For(BenchWorkloads.SileroVad);
        ILatencyPath target = path == "rest"
            ? new RestInferPath(clients.Http, clients.InferUri(workload.Model), V2JsonBodies.Infer(workload))
            : new GrpcInferPath(clients.Grpc, InferRequests.Raw(workload));
        progress.WriteLine($"profile: hub pid {hub.ProcessId}; driving '{target.Name}' on {workload.Model} for {duration.TotalSeconds:0} s");
        var start = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            await target.InvokeAsync(cancellationToken);
            calls++;
        }

        progress.WriteLine($"profile: {calls} calls, {calls / duration.TotalSeconds:0} per second");
    }
}
