using System.Diagnostics;
using EdgeCloud.Protocol;
using Grpc.Core;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>Sends mutated requests to one server and counts how each was answered; any answer outside the contract is kept as a finding.</summary>
public sealed class FuzzRun(GRPCInferenceService.GRPCInferenceServiceClient client, TimeSpan bound)
{
    private static readonly HashSet<StatusCode> Clear =
        [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.ResourceExhausted, StatusCode.Unavailable];

    public Dictionary<StatusCode, int> Counts { get; } = [];

    public List<string> Findings { get; } = [];

    public TimeSpan Slowest { get; private set; }

    public async Task RunAsync(InferRequestMutator mutator, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var request = mutator.Next(out var mutation);
            var started = Stopwatch.GetTimestamp();
            StatusCode code;
            string detail;
            try
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(bound);
                await client.ModelInferAsync(request, deadline: DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), cancellationToken: bounded.Token).ResponseAsync;
                (code, detail) = (StatusCode.OK, "ok");
            }
            catch (RpcException ex)
            {
                (code, detail) = (ex.StatusCode, ex.Status.Detail);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            Slowest = elapsed > Slowest ? elapsed : Slowest;
            Counts[code] = Counts.GetValueOrDefault(code) + 1;
            if (!Clear.Contains(code) || detail.Length == 0 || elapsed > bound)
            {
                Findings.Add($"#{i} {mutation}: {code} '{detail}' in {elapsed.TotalMilliseconds:0} ms; request {request}");
            }
        }
    }
}
