namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Where a rollout stands. <see cref="State"/> is one of <see cref="RolloutStates"/>.</summary>
public sealed record RolloutStatus(
    string Id,
    string Fleet,
    string Group,
    string Target,
    string State,
    int Wave,
    int Waves,
    IReadOnlyList<string> Succeeded,
    IReadOnlyList<string> Failed,
    string? Reason,
    long StartedAt,
    long? FinishedAt);

/// <summary>The states of a rollout.</summary>
public static class RolloutStates
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string RollingBack = "rolling-back";
    public const string RolledBack = "rolled-back";
}
