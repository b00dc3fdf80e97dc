using EdgeCloud.Bench.Reporting;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>A whole hub-overhead run: where and how it was measured, and each model's results.</summary>
internal sealed record HubOverheadRun(
    DateTimeOffset Started,
    MachineInfo Machine,
    string HubCommand,
    string HubGc,
    int IntraOpThreads,
    int InterOpThreads,
    IReadOnlyList<ModelRun> Models);
