using System.Text.Json.Nodes;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// <c>POST /admin/v1/rollouts</c>: roll a published model version (<see cref="Model"/> + <see cref="Version"/>)
/// or a config patch (<see cref="Config"/>) out to a group: first <see cref="CanaryPercent"/>% of its devices
/// (at least one), then the rest in <see cref="Waves"/> waves. A wave succeeds when each of its devices
/// reports the new desired version applied, the model at the new version without error, and telemetry at
/// or under <see cref="MaxErrorRate"/>; any failure, or <see cref="WaveTimeout"/> passing, aborts the
/// rollout and rolls back every device it touched.
/// </summary>
public sealed record RolloutRequest(
    string Group,
    string? Fleet = null,
    string? Model = null,
    string? Version = null,
    JsonObject? Config = null,
    int CanaryPercent = 10,
    int Waves = 2,
    double MaxErrorRate = 0.05,
    TimeSpan? WaveTimeout = null);
