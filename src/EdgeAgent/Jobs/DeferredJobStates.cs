namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>A deferred job's state, as stored and as the on-device API reports it.</summary>
public static class DeferredJobStates
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
