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
        if (model.Graph.Node.FirstOrDefault(n => Attributes.Subgraphs(n).Any()) is { } control)
        {
            throw new QuantizationException($"fp16 conversion does not handle control flow: {OnnxNodes.Describe(control)} has a subgraph");
        }

        GraphCleanup.DropInitializerInputs(model);
        var types = TensorTypes.Infer(model);
        var graph = new OnnxGraph(model);
        var report = new ConversionReport();
        new Fp16Rewriter(graph, types, node => OnnxNodes.IsDefaultDomain(node) && !blockList.Contains(node.OpType), report).Run();
        if (report.Total == 0)
        {
            throw new QuantizationException("fp16 found no float32 operator to convert");
        }

        graph.Graph.ValueInfo.Clear();
        GraphCleanup.Run(graph.Graph);
        Provenance.Mark(model, "fp16", report);
        return new ConversionResult(model, report);
    }

    internal static bool IsFloat(IReadOnlyDictionary<string, int> types, string name) =>
        types.TryGetValue(name, out var type) && type == (int)DataType.Float;
}
