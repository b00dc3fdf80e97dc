using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>MiniLM run in process on its own, one request at a time: what batched answers must equal.</summary>
internal sealed class MiniLmReference : IDisposable
{
    private readonly SessionOptions _options = new() { IntraOpNumThreads = 1 };
    private readonly InferenceSession _session;

    public MiniLmReference()
    {
        _session = new InferenceSession(TestModels.ModelFile("minilm"), _options);
    }

    public float[] LastHiddenState(ModelInferRequest request)
    {
        var inputs = request.Inputs.Select((input, i) =>
            OrtValue.CreateTensorValueFromMemory(MemoryMarshal.Cast<byte, long>(request.RawInputContents[i].Span).ToArray(), [.. input.Shape])).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, request.Inputs.Select(i => i.Name).ToList(), inputs, ["last_hidden_state"]);
            return results[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            inputs.ForEach(v => v.Dispose());
        }
    }

    /// <summary>The same request with typed contents (int64_contents) instead of raw bytes.</summary>
    public static ModelInferRequest Typed(ModelInferRequest raw)
    {
        var typed = raw.Clone();
        typed.RawInputContents.Clear();
        for (var i = 0; i < typed.Inputs.Count; i++)
        {
            typed.Inputs[i].Contents = new InferTensorContents();
            typed.Inputs[i].Contents.Int64Contents.AddRange(MemoryMarshal.Cast<byte, long>(raw.RawInputContents[i].Span).ToArray());
        }

        return typed;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
