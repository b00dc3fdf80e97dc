using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Bench.BalancerSim;

/// <summary>A simulated backend: parallel slots and a FIFO queue, over the real <see cref="BackendState"/> the policies read.</summary>
internal sealed class SimBackend(BackendState state, SimBackendSpec spec)
{
    public BackendState State { get; } = state;

    public SimBackendSpec Spec { get; } = spec;

    public Queue<int> Waiting { get; } = new();

    public int Busy { get; set; }

    public int Picked { get; set; }

    public int MaxQueue { get; set; }

    /// <summary>Reports queue length and utilisation (what a GPU worker would report), for WeightedScore.</summary>
    public void Report(string model) => State.ReportMetrics(new BackendMetrics
    {
        QueueLength = Waiting.Count,
        GpuUtilization = Busy / (double)Spec.Slots,
        GpuMemoryUsed = 0.5,
        GpuTemperatureC = 60,
        LoadedModels = new HashSet<string>(StringComparer.Ordinal) { model },
        RttMs = 1,
    });
}
