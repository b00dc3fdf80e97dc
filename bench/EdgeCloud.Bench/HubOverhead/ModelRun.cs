using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Workloads;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>Every path measured for one model, with the machine load around the measurement.</summary>
internal sealed record ModelRun(
    ModelWorkload Workload,
    IReadOnlyList<PathResult> Results,
    IReadOnlyList<CpuCost> Cpu,
    double BaselineChecksum,
    TimeSpan WarmupPerPath,
    int Iterations,
    int BlockSize,
    string LoadBefore,
    string LoadAfter)
{
    public PathResult Baseline => Results.Single(r => r.Role == PathRole.Baseline);

    public PathResult? Find(PathRole role) => Results.FirstOrDefault(r => r.Role == role);
}
