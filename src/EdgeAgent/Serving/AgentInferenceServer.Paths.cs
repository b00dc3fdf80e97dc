using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.Protocol;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;
using Grpc.Core;
using Polly.CircuitBreaker;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>The two paths a request can take, and the fallbacks between them.</summary>
internal sealed partial class AgentInferenceServer
{
    /// <param name="degraded">The policy preferred the cloud but the link is down, so the device answers instead.</param>
    private async ValueTask<ModelInferResponse> RunLocalAsync(
        ModelInferRequest request, RouteRequest route, ModelConfig? config, bool degraded, CancellationToken cancellationToken)
    {
        var response = RunLocal(request, degraded, cancellationToken);
        if (config?.ConfidenceOutput is { } output && Confidence(response, output) is { } confidence
            && policy.ShouldEscalate(route, confidence))
        {
            try
            {
                var escalated = await RunCloudCoreAsync(request, budget: null, cancellationToken);
                Log.Escalated(logger, request.ModelName, confidence);
                escalated.Parameters[EdgeCloudParameters.Escalated] = new InferParameter { BoolParam = true };
                return escalated;
            }
            catch (Exception ex) when (IsCloudOutage(ex, cancellationToken))
            {
                // The cloud could not give a better answer now; the local one stands.
            }
        }

        return response;
    }

    private ModelInferResponse RunLocal(ModelInferRequest request, bool degraded, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var lease = store.Acquire(request.ModelName, request.ModelVersion);
        var response = lease.Model.Session.Run(request, cancellationToken);
        latency.Record(request.ModelName, RouteTarget.Local, timeProvider.GetElapsedTime(started));
        return ResponseMarks.Local(response, lease.Model, degraded);
    }

    private async ValueTask<ModelInferResponse> RunCloudAsync(
        ModelInferRequest request, RouteDecision decision, TimeSpan? budget, CancellationToken cancellationToken)
    {
        try
        {
            return ShouldHedge(request, decision)
                ? await RunHedgedAsync(request, budget, cancellationToken)
                : await RunCloudCoreAsync(request, budget, cancellationToken);
        }
        catch (Exception ex) when (IsCloudOutage(ex, cancellationToken))
        {
            // Reached by a hedged request only when the cloud failed before the hedge delay.
            if (decision.CanFallbackToLocal && store.TryGet(request.ModelName, out _))
            {
                Log.FellBackToLocal(logger, request.ModelName, Describe(ex));
                return RunLocal(request, degraded: true, cancellationToken);
            }

            throw new InferenceException(InferenceErrorCode.Unavailable,
                $"model '{request.ModelName}' runs only in the cloud, and the cloud ({cloud.Endpoint}) cannot serve it now: {Describe(ex)}", ex);
        }
    }

    private async ValueTask<ModelInferResponse> RunCloudCoreAsync(ModelInferRequest request, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await cloud.InferAsync(request, budget, cancellationToken);
            var elapsed = timeProvider.GetElapsedTime(started);
            latency.Record(request.ModelName, RouteTarget.Cloud, elapsed);
            cloudLatencies.Record(request.ModelName, elapsed);
            return ResponseMarks.Served(response, EdgeCloudParameters.ServedByCloud, degraded: false);
        }
        catch (RpcException ex) when (!CloudLinkFailures.IsLinkFailure(ex))
        {
            // The hub judged the request itself (unknown model, bad input): pass its verdict on.
            throw new InferenceException(RpcErrors.FromStatusCode(ex.StatusCode), $"the cloud answered: {ex.Status.Detail}", ex);
        }
    }

    private static bool IsCloudOutage(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (ex is BrokenCircuitException || (ex is not InferenceException && CloudLinkFailures.IsLinkFailure(ex)));

    private static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException b => $"the link's circuit is open ({b.RetryAfter?.TotalSeconds:0} s until the next probe)",
        RpcException r => $"{r.StatusCode}: {r.Status.Detail}",
        _ => ex.Message,
    };

    private static float? Confidence(ModelInferResponse response, string output)
    {
        var index = response.Outputs.ToList().FindIndex(o => o.Name == output);
        if (index < 0 || response.Outputs[index].Datatype != "FP32")
        {
            return null;
        }

        var values = response.RawOutputContents.Count > index
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(response.RawOutputContents[index].Span).ToArray()
            : [.. response.Outputs[index].Contents.Fp32Contents];
        return values.Length == 0 ? null : values.Max();
    }
}
