using EdgeCloud.Protocol;
using EdgeCloud.Routing.Edge;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>
/// Hedging (<c>Agent:Cloud:HedgeAfter</c>, or <c>HedgeQuantile</c> of the observed cloud latency): a cloud-routed
/// request for a model that is also on the device runs locally too when the cloud is slow, and the first success answers. Without it, every
/// request already in flight when the link goes dark waits the whole attempt timeout.
/// </summary>
internal sealed partial class AgentInferenceServer
{
    /// <summary>
    /// Hedges what may fall back to the device, unless the caller asked for the cloud by name: that
    /// caller wants the cloud's answer and still gets the local one only if the cloud fails.
    /// </summary>
    private bool ShouldHedge(ModelInferRequest request, RouteDecision decision) =>
        agentOptions.Value.Cloud.IsHedging
        && decision.CanFallbackToLocal
        && decision.Rule != RouteRule.Hint
        && store.TryGet(request.ModelName, out _);

    /// <summary>
    /// <c>HedgeAfter</c>, or with <c>HedgeQuantile</c> that quantile of the model's recent cloud round trips, held
    /// between <c>HedgeAfterMin</c> and <c>HedgeAfter</c>.
    /// </summary>
    private TimeSpan HedgeDelay(string model)
    {
        var options = agentOptions.Value.Cloud;
        return options.HedgeQuantile > 0 && cloudLatencies.Quantile(model, options.HedgeQuantile) is { } observed
            ? TimeSpan.FromTicks(Math.Clamp(observed.Ticks, options.HedgeAfterMin.Ticks, options.HedgeAfter.Ticks))
            : options.HedgeAfter;
    }

    private async ValueTask<ModelInferResponse> RunHedgedAsync(ModelInferRequest request, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var hedgeAfter = HedgeDelay(request.ModelName);
        var outcome = await HedgedCall.RunAsync(
            ct => RunCloudCoreAsync(request, budget, ct).AsTask(),
            ct => Task.Run(() => RunLocal(request, degraded: true, ct), ct),
            hedgeAfter,
            timeProvider,
            cancellationToken);
        if (!outcome.HedgeStarted)
        {
            return outcome.Value;
        }

        if (outcome.HedgeAnswered)
        {
            Log.HedgeAnswered(logger, request.ModelName, hedgeAfter);
        }

        return ResponseMarks.Hedged(outcome.Value);
    }
}
