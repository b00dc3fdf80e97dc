using EdgeCloud.Quantization.Onnx;

namespace EdgeCloud.Quantization.Static;

/// <summary>
/// One Conv to quantize: its activation input, and the tensor whose range sets the output's QuantizeLinear:
/// the Conv's own output, or the following Relu's when that Relu is folded into the quantization (uint8 with
/// zero point 0 already clamps at 0). Null when the output is a graph output and stays fp32.
/// </summary>
internal sealed record ConvTarget(NodeProto Conv, string Input, string? OutputRange, NodeProto? FoldedRelu)
{
    public static List<ConvTarget> Find(OnnxGraph graph, ConversionReport report)
    {
        var consumers = graph.Consumers();
        var targets = new List<ConvTarget>();
        foreach (var conv in graph.Graph.Node.Where(n => n.OpType == "Conv" && OnnxNodes.IsDefaultDomain(n)))
        {
            if (!graph.TryGetConstant(conv.Input[1], out var weight) || weight.DataType != (int)TensorProto.Types.DataType.Float)
            {
                report.Note($"{OnnxNodes.Describe(conv)} stays fp32: its weight is not a constant float tensor");
                continue;
            }

            if (conv.Input.Count > 2 && conv.Input[2].Length > 0 && !graph.TryGetConstant(conv.Input[2], out _))
            {
                report.Note($"{OnnxNodes.Describe(conv)} stays fp32: its bias is not constant");
                continue;
            }

            var output = conv.Output[0];
            var readers = consumers[output].ToList();
            if (graph.IsGraphOutput(output))
            {
                targets.Add(new(conv, conv.Input[0], null, null));
            }
            else if (readers is [{ OpType: "Relu" } relu] && !graph.IsGraphOutput(relu.Output[0]))
            {
                targets.Add(new(conv, conv.Input[0], relu.Output[0], relu));
            }
            else
            {
                targets.Add(new(conv, conv.Input[0], output, null));
            }
        }

        return targets;
    }
}
