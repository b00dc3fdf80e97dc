using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Quantization.Runtime;

/// <summary>An ONNX Runtime CPU session that takes and returns <see cref="SampleTensor"/>s.</summary>
public sealed class ModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _name;

    public ModelRunner(string modelPath, int intraOpThreads = 1, GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        _name = modelPath;
        using var options = Options(intraOpThreads, level);
        _session = Guard(() => new InferenceSession(modelPath, options), "load");
    }

    public ModelRunner(byte[] model, int intraOpThreads = 1, GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        _name = "the converted model";
        using var options = Options(intraOpThreads, level);
        _session = Guard(() => new InferenceSession(model, options), "load");
    }

    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => _session.OutputMetadata;

    public Dictionary<string, SampleTensor> Run(IReadOnlyDictionary<string, SampleTensor> inputs, IReadOnlyCollection<string>? outputs = null)
    {
        var names = _session.InputMetadata.Keys.Where(inputs.ContainsKey).ToList();
        var outputNames = outputs ?? [.. _session.OutputMetadata.Keys];
        var values = names.Select(n => inputs[n].ToOrtValue()).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var results = Guard(() => _session.Run(runOptions, names, values, outputNames), "run");
            return outputNames.Zip(results).ToDictionary(p => p.First, p => SampleTensor.FromOrtValue(p.Second), StringComparer.Ordinal);
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    public void Dispose() => _session.Dispose();

    private T Guard<T>(Func<T> action, string verb)
    {
        try
        {
            return action();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new QuantizationException($"ONNX Runtime could not {verb} {_name}: {ex.Message}", ex);
        }
    }

    private static SessionOptions Options(int intraOpThreads, GraphOptimizationLevel level) => new()
    {
        IntraOpNumThreads = intraOpThreads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = level,
    };
}
