namespace EdgeCloud.EdgeAgent.Security;

/// <summary>The actions the agent audits (the hub shows them as <c>agent.{action}</c>, actor <c>device:{id}</c>).</summary>
internal static class AgentAuditActions
{
    /// <summary>A desired config document applied, refused as invalid, or unreadable.</summary>
    public const string ConfigApply = "config.apply";

    /// <summary>The last-known-good desired config put back in force at start, before any broker is reached.</summary>
    public const string ConfigRestore = "config.restore";

    /// <summary>A model version installed, or refused (bad signature, hash, manifest or load).</summary>
    public const string ModelInstall = "model.install";

    /// <summary>A model rolled back to its previous version by command.</summary>
    public const string ModelRollback = "model.rollback";

    /// <summary>The hub credential (<c>Agent:Cloud:CredentialFile</c>) loaded at start.</summary>
    public const string CredentialLoad = "credential.load";

    /// <summary>The hub refused the agent's credential (UNAUTHENTICATED or PERMISSION_DENIED); once per refusal streak.</summary>
    public const string CredentialRejected = "credential.rejected";

    /// <summary>The on-device API refused a caller (bound off loopback): no, a bad or an insufficient credential.</summary>
    public const string ApiRefused = "api.refused";
}
