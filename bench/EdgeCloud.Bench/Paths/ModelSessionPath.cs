using EdgeCloud.Bench.Measurement;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Bench.Paths;

/// <summary>
/// The hub's request handling without the network: <see cref="ModelSession.Run"/> (validate, decode
/// raw inputs, run, encode raw outputs) in the bench process on the same <see cref="ModelInferRequest"/>
/// the gRPC path sends. Its gap to the baseline is the codec's cost; the rest of the hub's overhead is transport.
/// </summary>
internal sealed class ModelSessionPath(ModelSession session, ModelInferRequest request) : ILatencyPath, IDisposable
{
    public string Name => "in-process ModelSession.Run (hub codec, no network)";

    public PathRole Role => PathRole.InProcessCodec;

    public ValueTask InvokeAsync(CancellationToken cancellationToken)
    {
        session.Run(request, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<double?>(RawChecksum.FirstOutput(session.Run(request, cancellationToken)));

    public void Dispose() => session.Dispose();
}
