using System.Diagnostics;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using Grpc.Core;

namespace EdgeCloud.Demo;

/// <summary>One request through the agent and what came back: who served it, how fast, or the error.</summary>
internal sealed record DemoCall(string Model, string ServedBy, bool Degraded, double Milliseconds, ModelInferResponse? Response, string? Error)
{
    public static async Task<DemoCall> RunAsync(GRPCInferenceService.GRPCInferenceServiceClient agent, ModelInferRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await agent.ModelInferAsync(request, cancellationToken: cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var servedBy = response.Parameters.TryGetValue(EdgeCloudParameters.ServedBy, out var s) ? s.StringParam : "?";
            var degraded = response.Parameters.TryGetValue(EdgeCloudParameters.Degraded, out var d) && d.BoolParam;
            return new DemoCall(request.ModelName, servedBy, degraded, elapsed, response, null);
        }
        catch (RpcException ex)
        {
            return new DemoCall(request.ModelName, "error", false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    public override string ToString() =>
        Error is null
            ? $"  {Model,-11} served_by={ServedBy,-5}{(Degraded ? " (degraded)" : "")}  {Milliseconds,8:0.0} ms"
            : $"  {Model,-11} {Error}  ({Milliseconds:0} ms)";
}
