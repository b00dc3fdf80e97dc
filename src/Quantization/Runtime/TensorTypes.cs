using EdgeCloud.Quantization.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Quantization.Runtime;

/// <summary>
/// The element type of every tensor in a graph, from ONNX Runtime's own type inference: the model is loaded
/// (not run) with every node output exposed as a graph output, and the session reports their types.
/// </summary>
internal static class TensorTypes
{
    public static Dictionary<string, int> Infer(ModelProto model)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tensor in model.Graph.Initializer)
        {
            types[tensor.Name] = tensor.DataType;
        }

        foreach (var value in model.Graph.Input.Where(v => v.Type?.TensorType is not null))
        {
            types[value.Name] = value.Type.TensorType.ElemType;
        }

        var probe = model.Clone();
        var outputs = probe.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in probe.Graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0 && outputs.Add(o)))
        {
            probe.Graph.Output.Add(new ValueInfoProto { Name = name });
        }

        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(probe.ToByteArray(), options);
            foreach (var (name, meta) in session.OutputMetadata.Where(p => p.Value.IsTensor))
            {
                types[name] = (int)meta.ElementDataType;
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new QuantizationException($"ONNX Runtime cannot infer the model's tensor types: {ex.Message}", ex);
        }

        return types;
    }
}
