using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>A device as the hub knows it: presence (online, last seen, birth/death sequence), its last report and telemetry.</summary>
public sealed record DeviceRecord(
    string Id,
    string Fleet,
    IReadOnlyList<string> Groups,
    bool Online,
    long LastSeen,
    long BdSeq,
    ReportedState? Reported,
    TelemetryMessage? Telemetry);
