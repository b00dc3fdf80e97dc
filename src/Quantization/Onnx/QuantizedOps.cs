namespace EdgeCloud.Quantization.Onnx;

/// <summary>Operators that show a model is already quantized; converting it again is refused.</summary>
internal static class QuantizedOps
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "MatMulInteger", "ConvInteger",
        "QLinearConv", "QLinearMatMul", "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "QGemm",
    };

    public static void RefuseQuantized(ModelProto model)
    {
        if (model.Graph.Node.FirstOrDefault(n => Names.Contains(n.OpType)) is { } node)
        {
            throw new QuantizationException($"the model is already quantized: {OnnxNodes.Describe(node)}; convert the fp32 model instead");
        }
    }
}
