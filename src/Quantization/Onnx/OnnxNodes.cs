namespace EdgeCloud.Quantization.Onnx;

/// <summary>Creates nodes; an empty domain is the default ONNX operator set.</summary>
internal static class OnnxNodes
{
    public const string MicrosoftDomain = "com.microsoft";

    public static NodeProto Create(string opType, string name, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        node.Attribute.Add(attributes);
        return node;
    }

    /// <summary>Who the node is in an error message: its name and operator.</summary>
    public static string Describe(NodeProto node) =>
        $"node '{(string.IsNullOrEmpty(node.Name) ? string.Join(",", node.Output) : node.Name)}' ({(string.IsNullOrEmpty(node.Domain) ? "" : node.Domain + ".")}{node.OpType})";

    public static bool IsDefaultDomain(NodeProto node) => node.Domain is "" or "ai.onnx";
}
