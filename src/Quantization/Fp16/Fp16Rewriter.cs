using EdgeCloud.Quantization.Onnx;
using Google.Protobuf;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Fp16;

/// <summary>
/// The fp16 rewrite itself: which float tensors become fp16 (outputs of converted nodes; constants whose
/// readers are all converted), a Cast wherever a reader wants the other precision, and fp32 graph outputs
/// restored by a final Cast.
/// </summary>
internal sealed class Fp16Rewriter(OnnxGraph graph, Dictionary<string, int> types, Func<NodeProto, bool> convertible, ConversionReport report)
{
    private readonly Dictionary<(string Tensor, bool Half), string> _casts = [];

    public void Run()
    {
        var nodes = graph.Graph.Node.ToList();
        var converted = nodes.Where(convertible).ToHashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var restored = RenameFloatOutputs(converted);
        var half = HalfTensors(nodes, converted);
        foreach (var node in nodes)
        {
            var wantsHalf = converted.Contains(node);
            for (var i = 0; i < node.Input.Count; i++)
            {
                var input = node.Input[i];
                if (Fp16Converter.IsFloat(types, input) && half.Contains(input) != wantsHalf)
                {
                    node.Input[i] = Cast(input, wantsHalf);
                }
            }

            if (wantsHalf && node.Output.Any(half.Contains))
            {
                FixAttributes(node);
                report.Count(node.OpType);
            }
        }

        foreach (var (internalName, output) in restored)
        {
            graph.AddNode("Cast", [internalName], [output], Attributes.Int("to", (long)DataType.Float));
        }

        ConvertConstants(half);
    }

    /// <summary>A graph output made by a converted node: the node writes <c>name_fp16</c> and a Cast writes the fp32 output.</summary>
    private List<(string Internal, string Output)> RenameFloatOutputs(HashSet<NodeProto> converted)
    {
        var renamed = new List<(string, string)>();
        foreach (var output in graph.Graph.Output.Select(o => o.Name).Where(o => Fp16Converter.IsFloat(types, o)))
        {
            var producer = converted.FirstOrDefault(n => n.Output.Contains(output));
            if (producer is null)
            {
                continue;
            }

            var internalName = graph.UniqueName(output + "_fp16");
            types[internalName] = (int)DataType.Float;
            producer.Output[producer.Output.IndexOf(output)] = internalName;
            foreach (var node in graph.Graph.Node)
            {
                for (var i = 0; i < node.Input.Count; i++)
                {
                    node.Input[i] = node.Input[i] == output ? internalName : node.Input[i];
                }
            }

            renamed.Add((internalName, output));
        }

        return renamed;
    }

    private HashSet<string> HalfTensors(List<NodeProto> nodes, HashSet<NodeProto> converted)
    {
        var consumers = graph.Consumers();
        var outputs = graph.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        bool AllReadersConverted(string name) =>
            !outputs.Contains(name) && consumers[name].Any() && consumers[name].All(converted.Contains);

        var half = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(converted.Contains))
        {
            var isConstant = node.OpType == "Constant";
            half.UnionWith(node.Output.Where(o => Fp16Converter.IsFloat(types, o) && (!isConstant || AllReadersConverted(o))));
        }

        half.UnionWith(graph.Graph.Initializer.Where(t => t.DataType == (int)DataType.Float && AllReadersConverted(t.Name)).Select(t => t.Name));
        return half;
    }

    private string Cast(string tensor, bool toHalf)
    {
        if (!_casts.TryGetValue((tensor, toHalf), out var name))
        {
            name = graph.UniqueName(tensor + (toHalf ? "_fp16" : "_fp32"));
            graph.AddNode("Cast", [tensor], [name], Attributes.Int("to", (long)(toHalf ? DataType.Float16 : DataType.Float)));
            _casts[(tensor, toHalf)] = name;
        }

        return name;
    }

    private static void FixAttributes(NodeProto node)
    {
        switch (node.OpType)
        {
            case "Cast" when Attributes.Find(node, "to") is { I: (long)DataType.Float } to:
                to.I = (long)DataType.Float16;
                break;
            case "ConstantOfShape" or "Constant" when Attributes.Find(node, "value")?.T is { DataType: (int)DataType.Float } value:
                ToHalf(value);
                break;
            case "Constant" when (Attributes.Find(node, "value_float") ?? Attributes.Find(node, "value_floats")) is { } scalarOrList:
                // value_float(s) are always fp32: restate them as an fp16 tensor.
                Half[] values = scalarOrList.Name == "value_float" ? [(Half)scalarOrList.F] : [.. scalarOrList.Floats.Select(f => (Half)f)];
                node.Attribute.Remove(scalarOrList);
                node.Attribute.Add(Attributes.Tensor("value", scalarOrList.Name == "value_float"
                    ? TensorBytes.Create<Half>("", DataType.Float16, values)
                    : TensorBytes.Create<Half>("", DataType.Float16, values, values.Length)));
                break;
        }
    }

    private void ConvertConstants(HashSet<string> half)
    {
        foreach (var tensor in graph.Graph.Initializer.Where(t => half.Contains(t.Name)))
        {
            ToHalf(tensor);
        }
    }

    private static void ToHalf(TensorProto tensor)
    {
        var values = TensorBytes.ReadFloats(tensor).Select(v => (Half)v).ToArray();
        tensor.FloatData.Clear();
        tensor.DataType = (int)DataType.Float16;
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
