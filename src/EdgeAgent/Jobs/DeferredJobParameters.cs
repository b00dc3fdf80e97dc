namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>The response parameter of a deferred request (request parameter <c>edgecloud.defer=true</c>).</summary>
public static class DeferredJobParameters
{
    /// <summary>The id under which the result can be fetched: <c>GET /edgecloud/v1/jobs/{id}</c>.</summary>
    public const string JobId = "edgecloud.job_id";
}
