using System.Runtime.InteropServices;
using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Workloads;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Bench.Paths;

/// <summary>
/// The baseline: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// in the bench process on the same model file, with input <see cref="OrtValue"/>s made once over pinned
/// buffers and the session options the hub uses (1 intra-op thread, 1 inter-op thread, sequential, all graph optimizations).
/// </summary>
internal sealed class OrtBaselinePath : ILatencyPath, IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly OrtValue[] _inputs;
    private readonly string[] _outputNames;

    public OrtBaselinePath(ModelWorkload workload, string modelFile, int intraOpThreads, int interOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = interOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelFile, options);
        _inputNames = [.. workload.Inputs.Select(t => t.Name)];
        _inputs = [.. workload.Inputs.Select(t => OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, t.ElementType, t.Shape, Marshal.UnsafeAddrOfPinnedArrayElement(t.Bytes, 0), t.Bytes.Length))];
        _outputNames = [.. _session.OutputNames];
    }

    public string Name => "in-process ORT (baseline)";

    public PathRole Role => PathRole.Baseline;

    public ValueTask InvokeAsync(CancellationToken cancellationToken)
    {
        using var results = _session.Run(_runOptions, _inputNames, _inputs, _outputNames);
        return ValueTask.CompletedTask;
    }

    public ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken)
    {
        using var results = _session.Run(_runOptions, _inputNames, _inputs, _outputNames);
        double sum = 0;
        foreach (var v in results[0].GetTensorDataAsSpan<float>())
        {
            sum += v;
        }

        return ValueTask.FromResult<double?>(sum);
    }

    public void Dispose()
    {
        foreach (var input in _inputs)
        {
            input.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }
}
