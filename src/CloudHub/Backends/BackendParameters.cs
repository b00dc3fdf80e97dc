namespace EdgeCloud.CloudHub.Backends;

/// <summary>Response parameters the hub adds to forwarded answers.</summary>
public static class BackendParameters
{
    /// <summary>The remote endpoint that answered (its configured address).</summary>
    public const string Backend = "edgecloud.backend";
}
