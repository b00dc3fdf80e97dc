using EdgeCloud.Bench.Hosting;
using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Paths;
using EdgeCloud.Bench.Workloads;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>
/// The paths measured for one model: the in-process baseline, the hub's codec in process, the hub
/// over gRPC and REST, and (optionally) the transport floors. Checks they agree before timing them.
/// </summary>
internal sealed class ModelScenario : IDisposable
{
    private const double Tolerance = 1e-3;
    private readonly List<ILatencyPath> _paths;

    private ModelScenario(ModelWorkload workload, List<ILatencyPath> paths)
    {
        Workload = workload;
        _paths = paths;
    }

    public ModelWorkload Workload { get; }

    public IReadOnlyList<ILatencyPath> Paths => _paths;

    public static ModelScenario Create(ModelWorkload workload, string repository, HubClients hub, HubOverheadOptions options, GRPCInferenceService.GRPCInferenceServiceClient? bare)
    {
        var modelFile = workload.ModelFile(repository);
        var request = InferRequests.Raw(workload);
        var inference = new InferenceOptions { IntraOpThreads = options.IntraOpThreads, InterOpThreads = options.InterOpThreads };
        var paths = new List<ILatencyPath>
        {
            new OrtBaselinePath(workload, modelFile, options.IntraOpThreads, options.InterOpThreads),
            new ModelSessionPath(ModelSession.Load(workload.Model, "1", "fp32", modelFile, inference), request),
            new GrpcInferPath(hub.Grpc, request),
        };
        if (bare is not null)
        {
            paths.Add(new GrpcInferPath(bare, request, "bare gRPC handler, own process (reference)", PathRole.BareGrpc));
        }

        if (options.MeasuresRest(workload.Model))
        {
            paths.Add(new RestInferPath(hub.Http, hub.InferUri(workload.Model), V2JsonBodies.Infer(workload)));
            var (body, headerLength) = V2JsonBodies.InferBinary(workload);
            paths.Add(new RestBinaryInferPath(hub.Http, hub.InferUri(workload.Model), body, headerLength));
        }

        if (options.Floors)
        {
            paths.Add(new GrpcLivePath(hub.Grpc));
            paths.Add(new RestLivePath(hub.Http, hub.LiveUri));
        }

        return new ModelScenario(workload, paths);
    }

    /// <summary>Runs every model path once and checks its first output matches the baseline's; returns the baseline's checksum.</summary>
    public async Task<double> VerifyAsync(CancellationToken cancellationToken)
    {
        var expected = await _paths[0].ChecksumAsync(cancellationToken) ?? throw new InvalidOperationException("the baseline returned no output");
        foreach (var path in _paths.Skip(1))
        {
            if (await path.ChecksumAsync(cancellationToken) is { } actual
                && Math.Abs(actual - expected) > Tolerance * Math.Max(1, Math.Abs(expected)))
            {
                throw new InvalidOperationException(
                    $"{Workload.Model}: '{path.Name}' returned a first output summing to {actual}, the baseline {expected}; the paths do not compute the same thing");
            }
        }

        return expected;
    }

    public void Dispose()
    {
        foreach (var path in _paths.OfType<IDisposable>())
        {
            path.Dispose();
        }
    }
}
