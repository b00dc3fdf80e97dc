using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol;
using RoutingCircuitState = EdgeCloud.Routing.CircuitBreaking.CircuitState;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>
/// The request-path hook: a request with <c>edgecloud.defer=true</c> for a model this device
/// cannot run, arriving while the cloud link is down, is stored as a job and answered at once
/// with its id (response parameter <c>edgecloud.job_id</c>, no outputs).
/// </summary>
/// <remarks>
/// "Down" means the last real call to the hub failed (<see cref="HubReachability"/>: outbox
/// publishes and heartbeats, deferred jobs) or routing sees the circuit open. With the link up (or
/// half-open, ready for a probe) the request runs as usual, and a model on the device runs locally:
/// deferral never delays an answer that can be had now.
/// </remarks>
internal sealed class DeferredJobs(DeferredJobStore store, CloudClient cloud, HubReachability reachability)
{
    /// <summary>The acceptance response when the request is deferred; null when it should run now.</summary>
    /// <exception cref="InferenceException">INVALID_ARGUMENT for a non-bool <c>edgecloud.defer</c>; RESOURCE_EXHAUSTED when too many jobs wait.</exception>
    public async ValueTask<ModelInferResponse?> TryDeferAsync(ModelInferRequest request, bool localAvailable, CancellationToken cancellationToken)
    {
        if (!request.Parameters.TryGetValue(EdgeCloudParameters.Defer, out var defer))
        {
            return null;
        }

        if (defer.ParameterChoiceCase != InferParameter.ParameterChoiceOneofCase.BoolParam)
        {
            throw InferenceException.Invalid($"{EdgeCloudParameters.Defer} must be a bool, got {Describe(defer)}");
        }

        var linkUp = reachability.Reachable && cloud.Link.Current is RoutingCircuitState.Closed or RoutingCircuitState.HalfOpen;
        if (!defer.BoolParam || localAvailable || !cloud.IsConfigured || linkUp)
        {
            return null;
        }

        var job = request.Clone();
        job.Parameters.Remove(EdgeCloudParameters.Defer);
        var id = await store.EnqueueAsync(job, cancellationToken).ConfigureAwait(false);
        var accepted = new ModelInferResponse { ModelName = request.ModelName, ModelVersion = request.ModelVersion, Id = request.Id };
        accepted.Parameters[DeferredJobParameters.JobId] = new InferParameter { StringParam = id };
        return accepted;
    }

    private static string Describe(InferParameter p) => p.ParameterChoiceCase switch
    {
        InferParameter.ParameterChoiceOneofCase.StringParam => $"the string \"{p.StringParam}\"",
        InferParameter.ParameterChoiceOneofCase.Int64Param => $"the int64 {p.Int64Param}",
        _ => "an empty parameter",
    };
}
