using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Fp16;

/// <summary>
/// fp16 conversion for GPUs: float32 weights and activations become float16, except around the blocked
/// operators (<see cref="Fp16BlockList"/>), which keep fp32 behind Cast nodes. The model's inputs and outputs
/// keep their fp32 types, so callers do not change. Tensor types come from ONNX Runtime's inference.
/// </summary>
public static class Fp16Converter
{
    public static ConversionResult Convert(ModelProto fp32, IReadOnlySet<string>? blockList = null)
    {
        blockList ??= Fp16BlockList.Default;
        var model = fp32.Clone();
        QuantizedOps.RefuseQuantized(model);
        ExternalData.Refuse(model);
        if (model.Graph.Node.FirstOrDefault(n => Attributes.Subgraphs(n).Any()) is { } control)
        {
            throw new QuantizationException($"fp16 conversion does not handle control flow: {OnnxNodes.Describe(control)} has a subgraph");
        }

        GraphCleanup.DropInitializerInputs(model);
        var types = TensorTypes.Infer(model);
        var graph = new OnnxGraph(model);
        var report = new ConversionReport();
        var outOfRange = OutOfRangeReaders(graph, report);
        new Fp16Rewriter(graph, types, node => OnnxNodes.IsDefaultDomain(node) && !blockList.Contains(node.OpType) && !outOfRange.Contains(node), report).Run();
        if (report.Total == 0)
        {
            throw new QuantizationException("fp16 found no float32 operator to convert");
        }

        graph.Graph.ValueInfo.Clear();
        GraphCleanup.Run(graph.Graph);
        Provenance.Mark(model, "fp16", report);
        return new ConversionResult(model, report);
    }

    /// <summary>Nodes that read a float constant fp16 cannot hold (|v| over 65504, e.g. a BatchNormalization variance): they stay fp32.</summary>
    private static HashSet<NodeProto> OutOfRangeReaders(OnnxGraph graph, ConversionReport report)
    {
        var readers = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        foreach (var node in graph.Graph.Node)
        {
            var constant = node.Input.FirstOrDefault(i => graph.TryGetConstant(i, out var t) && t.DataType == (int)DataType.Float
                && TensorBytes.ReadFloats(t).Any(v => MathF.Abs(v) > (float)Half.MaxValue));
            if (constant is not null)
            {
                readers.Add(node);
                report.Note($"{OnnxNodes.Describe(node)} stays fp32: constant '{constant}' holds values beyond fp16's range (65504)");
            }
        }

        return readers;
    }

    internal static bool IsFloat(IReadOnlyDictionary<string, int> types, string name) =>
        types.TryGetValue(name, out var type) && type == (int)DataType.Float;
}
