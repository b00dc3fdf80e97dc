using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace EdgeCloud.BareGrpc;

/// <summary>One ONNX Runtime session with the hub's session options (sequential, all graph optimizations, explicit threads).</summary>
internal sealed class BareSession : IDisposable
{
    public BareSession(BareSettings settings)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        Session = new InferenceSession(settings.ModelFile, options);
        OutputNames = [.. Session.OutputNames];
    }

    public InferenceSession Session { get; }

    public string[] OutputNames { get; }

    public RunOptions RunOptions { get; } = new();

    public void Dispose()
    {
        RunOptions.Dispose();
        Session.Dispose();
    }
}
