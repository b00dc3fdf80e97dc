namespace EdgeCloud.Shared.Security;

/// <summary>
/// The three roles a caller can hold. They are independent (admin does not imply infer): a credential
/// lists every role it needs.
/// </summary>
public static class SecurityRoles
{
    /// <summary>Applications: inference, model metadata and readiness.</summary>
    public const string Infer = "infer";

    /// <summary>Edge agents: model downloads and event ingest.</summary>
    public const string Device = "device";

    /// <summary>Operators: repository control, the admin API, keys, audit and metrics.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Infer, Device, Admin];

    public static bool IsKnown(string role) => role is Infer or Device or Admin;
}
