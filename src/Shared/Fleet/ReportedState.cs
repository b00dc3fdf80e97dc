namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// <c>…/devices/{id}/reported</c>, retained: the desired versions applied per scope (<c>device</c>,
/// <c>group:{name}</c>), the models loaded, the documents refused and why, and settings that were
/// accepted but take effect only after a restart.
/// </summary>
public sealed record ReportedState(
    int Schema,
    IReadOnlyDictionary<string, long> Applied,
    IReadOnlyList<ReportedModel> Models,
    IReadOnlyList<ReportedRejection> Rejected,
    IReadOnlyList<string> RestartRequired,
    long Ts);

/// <summary>A model as loaded on the device: version, variant and execution provider, or the error that stopped its update.</summary>
public sealed record ReportedModel(string Name, string Version, string Variant, string ExecutionProvider, string? Error);

/// <summary>A desired document (scope and version) the agent refused, with the reason; the last-known-good stays in force.</summary>
public sealed record ReportedRejection(string Scope, long Version, string Reason);
