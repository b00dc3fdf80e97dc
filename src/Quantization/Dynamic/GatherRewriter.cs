using EdgeCloud.Quantization.Int8;
using EdgeCloud.Quantization.Onnx;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Dynamic;

/// <summary>
/// Stores an embedding table (Gather along axis 0 of a constant 2-D fp32 table) as int8 with one scale per row:
/// <c>Cast(Gather(table_s8, ids)) · Gather(scales, ids)</c>. Only the looked-up rows are turned back into floats.
/// </summary>
internal sealed class GatherRewriter(OnnxGraph graph, DynamicInt8Options options, ConversionReport report)
{
    public bool TryGather(NodeProto node)
    {
        if (!graph.TryGetConstant(node.Input[0], out var table) || table.DataType != (int)DataType.Float || table.Dims.Count != 2
            || Attributes.GetInt(node, "axis", 0) != 0 || TensorBytes.ElementCount(table) < options.MinWeightElements)
        {
            return false;
        }

        var rows = (int)table.Dims[0];
        var (values, scales) = SymmetricInt8.PerRow(TensorBytes.ReadFloats(table), rows);
        var hint = string.IsNullOrEmpty(node.Name) ? node.Output[0] : node.Name;
        var q = graph.AddInitializer(TensorBytes.Create<sbyte>("", DataType.Int8, values, rows, table.Dims[1]), hint + "_table_int8");
        var s = graph.AddInitializer(TensorBytes.Create<float>("", DataType.Float, scales, rows, 1), hint + "_row_scale");
        var gathered = graph.UniqueName(hint + "_int8");
        var asFloat = graph.UniqueName(hint + "_float");
        var rowScale = graph.UniqueName(hint + "_scale");
        graph.AddNode("Gather", [q, node.Input[1]], [gathered], Attributes.Int("axis", 0));
        graph.AddNode("Cast", [gathered], [asFloat], Attributes.Int("to", (long)DataType.Float));
        graph.AddNode("Gather", [s, node.Input[1]], [rowScale], Attributes.Int("axis", 0));
        graph.AddNode("Mul", [asFloat, rowScale], [node.Output[0]]);
        graph.Graph.Node.Remove(node);
        report.Count("Gather");
        return true;
    }
}
