using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Inference;

/// <summary>One loaded model version: its ONNX Runtime session, its declared tensors and where it runs.</summary>
public sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly long _maxElements;
    private readonly string[] _allOutputNames;

    private ModelSession(InferenceSession session, ModelSessionInfo info, long maxElements)
    {
        _session = session;
        Info = info;
        _maxElements = maxElements;
        _allOutputNames = [.. info.Outputs.Select(o => o.Name)];
    }

    public ModelSessionInfo Info { get; }

    /// <summary>Loads <paramref name="modelPath"/> on the first working provider of <paramref name="options"/>.</summary>
    public static ModelSession Load(string name, string version, string variant, string modelPath, InferenceOptions options)
    {
        var (session, provider) = SessionFactory.Create(modelPath, options);
        try
        {
            var info = new ModelSessionInfo(
                name, version, variant, provider,
                TensorSpecs.From(session.InputNames, session.InputMetadata, name),
                TensorSpecs.From(session.OutputNames, session.OutputMetadata, name));
            return new ModelSession(session, info, options.MaxElementsPerTensor);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Validates and runs one v2 request. Throws <see cref="InferenceException"/> for a bad request.</summary>
    public ModelInferResponse Run(ModelInferRequest request, CancellationToken cancellationToken = default)
    {
        using var inputs = InputDecoder.Decode(request, Info.Inputs, _maxElements);
        var outputNames = RequestedOutputs(request);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions)
            : default;

        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = _session.Run(runOptions, inputs.Names, inputs.Values, outputNames);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the run was cancelled", ex, cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException(InferenceErrorCode.Internal, $"model '{Info.Name}' failed to run: {ex.Message}", ex);
        }

        using (results)
        {
            var response = new ModelInferResponse { ModelName = Info.Name, ModelVersion = Info.Version, Id = request.Id };
            var raw = request.RawInputContents.Count > 0 || results.Any(r => !HasTypedForm(r));
            var i = 0;
            foreach (var result in results)
            {
                OutputEncoder.Append(response, outputNames[i++], result, raw);
            }

            return response;
        }
    }

    /// <summary>Runs the model once so the first real request is not slow (see <see cref="WarmUpRequest"/>).</summary>
    public void WarmUp(IReadOnlyList<Models.WarmupInputConfig> overrides) => Run(WarmUpRequest.For(Info, overrides));

    public void Dispose() => _session.Dispose();

    private string[] RequestedOutputs(ModelInferRequest request)
    {
        if (request.Outputs.Count == 0)
        {
            return _allOutputNames;
        }

        var names = new string[request.Outputs.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = request.Outputs[i].Name;
            if (Array.IndexOf(_allOutputNames, name) < 0)
            {
                throw InferenceException.Invalid(
                    $"model '{Info.Name}' has no output '{name}'; expected outputs: {string.Join(", ", _allOutputNames)}");
            }

            names[i] = name;
        }

        return names;
    }

    private static bool HasTypedForm(OrtValue value) =>
        DataTypes.FromOrt(value.GetTensorTypeAndShape().ElementDataType) is { } type && type.HasTypedContents();
}
