namespace EdgeCloud.Quantization.Onnx;

/// <summary>
/// Raises a graph's default opset where no operator in it changed meaning on the way, so per-channel
/// QuantizeLinear/DequantizeLinear (opset 13) can be used. Any other operator is named in the error.
/// </summary>
internal static class OpsetUpgrade
{
    /// <summary>Operators whose behaviour, as used after ORT's basic rewrites, is the same from opset 7 to 13.</summary>
    private static readonly HashSet<string> Stable = new(StringComparer.Ordinal)
    {
        "Conv", "ConvTranspose", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid", "Add", "Sub", "Mul", "Div",
        "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Concat", "Flatten", "Gemm", "MatMul",
        "Transpose", "Reshape", "Identity", "Sum", "Exp", "Sqrt", "Abs", "Neg", "Constant", "Shape", "Gather",
        "BatchNormalization", "LRN", "Elu", "Selu", "PRelu", "Softplus", "InstanceNormalization",
    };

    public static void To(ModelProto model, long target)
    {
        var opset = Opsets.Default(model);
        if (opset >= target)
        {
            return;
        }

        var changed = model.Graph.Node.FirstOrDefault(n => !OnnxNodes.IsDefaultDomain(n) || !Stable.Contains(n.OpType)
            || (n.OpType == "BatchNormalization" && Attributes.Find(n, "spatial") is not null));
        if (changed is not null)
        {
            throw new QuantizationException(
                $"per-channel QDQ needs opset {target}; the model imports opset {opset} and {OnnxNodes.Describe(changed)} changed meaning " +
                $"between them, so the opset is not raised automatically: convert the model to opset {target} first");
        }

        Opsets.SetDefault(model, target);
    }
}
