namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>What an outbox entry is; the hub stores it with the event.</summary>
public static class OutboxKinds
{
    public const string Event = "event";
    public const string Telemetry = "telemetry";
    public const string Audit = "audit";

    /// <summary>Written by the agent itself (opt-in, <c>Agent:Outbox:RecordInferences</c>), not by callers.</summary>
    public const string Inference = "inference";

    /// <summary>The agent's own audit entries (<see cref="Security.AgentAuditTrail"/>); the hub adds them to its audit log.</summary>
    public const string AgentAudit = Shared.Security.DeviceAuditRecord.Kind;

    /// <summary>Kinds only the agent itself writes.</summary>
    public static IReadOnlyList<string> FromAgent { get; } = [Inference, AgentAudit];

    /// <summary>The kinds an application may send through the on-device API.</summary>
    public static IReadOnlyList<string> FromApplications { get; } = [Event, Telemetry, Audit];
}
