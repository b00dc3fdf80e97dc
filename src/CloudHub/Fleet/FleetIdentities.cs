namespace EdgeCloud.CloudHub.Fleet;

/// <summary>MQTT identities that are not devices.</summary>
internal static class FleetIdentities
{
    /// <summary>The operator login on the embedded broker (full access), password <c>Hub:Fleet:OperatorPassword</c>.</summary>
    public const string Operator = "hub";

    /// <summary>The client id the hub uses for its own publishes and its link to an external broker.</summary>
    public const string HubClientId = "$edgecloud-hub";
}
