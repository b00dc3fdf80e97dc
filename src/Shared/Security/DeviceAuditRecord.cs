namespace EdgeCloud.Shared.Security;

/// <summary>
/// An edge agent's own audit entry (outbox kind <c>agent-audit</c>): what it did (<paramref name="Action"/>, e.g.
/// <c>config.apply</c>), to what (<paramref name="Target"/>) and with what result. The hub appends it to its
/// hash-chained audit log with the device as the actor. Never carries a secret.
/// </summary>
public sealed record DeviceAuditRecord(int Schema, string Action, string Target, string Result)
{
    public const int CurrentSchema = 1;

    /// <summary>The outbox kind of these entries; the agent writes it itself, applications may not.</summary>
    public const string Kind = "agent-audit";

    /// <summary>The most characters kept of any field; longer text is cut with "…".</summary>
    public const int MaxFieldLength = 512;

    public static DeviceAuditRecord Create(string action, string target, string result) =>
        new(CurrentSchema, Cut(action), Cut(target), Cut(result));

    private static string Cut(string value) => value.Length <= MaxFieldLength ? value : value[..(MaxFieldLength - 1)] + "…";
}
