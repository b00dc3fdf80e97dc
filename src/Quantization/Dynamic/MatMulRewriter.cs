using EdgeCloud.Quantization.Int8;
using EdgeCloud.Quantization.Onnx;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Dynamic;

/// <summary>
/// Rewrites <c>Y = A·W</c> with a constant fp32 W as ONNX Runtime's quantize_dynamic does:
/// <c>DynamicQuantizeLinear(A) → MatMulInteger(A_u8, W_s8, A_zp) → Cast → Mul(A_scale · W_scale)</c>,
/// a pattern ORT fuses into one MatMulIntegerToFloat kernel on the CPU. W is int8, symmetric, one scale
/// per output column; A is quantized at run time, once per tensor however many MatMuls read it.
/// </summary>
internal sealed class MatMulRewriter(OnnxGraph graph, DynamicInt8Options options, ConversionReport report)
{
    private readonly Dictionary<string, (string Values, string Scale, string ZeroPoint)> _quantizedInputs = new(StringComparer.Ordinal);

    public bool TryMatMul(NodeProto node)
    {
        if (!TryWeight(node, node.Input[1], out var weight))
        {
            return false;
        }

        Emit(node.Input[0], TensorBytes.ReadFloats(weight), (int)weight.Dims[0], (int)weight.Dims[1], node.Output[0], NameOf(node));
        graph.Graph.Node.Remove(node);
        report.Count("MatMul");
        return true;
    }

    public bool TryGemm(NodeProto node)
    {
        if (!TryWeight(node, node.Input[1], out var weight))
        {
            return false;
        }

        var hasBias = node.Input.Count > 2 && node.Input[2].Length > 0;
        if (Attributes.GetInt(node, "transA", 0) != 0 || Attributes.GetFloat(node, "alpha", 1f) != 1f
            || (hasBias && Attributes.GetFloat(node, "beta", 1f) != 1f))
        {
            report.Note($"{OnnxNodes.Describe(node)} stays fp32: transA, alpha or beta is not the default");
            return false;
        }

        var values = TensorBytes.ReadFloats(weight);
        int k = (int)weight.Dims[0], n = (int)weight.Dims[1];
        if (Attributes.GetInt(node, "transB", 0) != 0)
        {
            values = Transpose(values, k, n);
            (k, n) = (n, k);
        }

        var product = hasBias ? graph.UniqueName(NameOf(node) + "_matmul") : node.Output[0];
        Emit(node.Input[0], values, k, n, product, NameOf(node));
        if (hasBias)
        {
            graph.AddNode("Add", [product, node.Input[2]], [node.Output[0]]);
        }

        graph.Graph.Node.Remove(node);
        report.Count("Gemm");
        return true;
    }

    private bool TryWeight(NodeProto node, string name, out TensorProto weight)
    {
        if (!graph.TryGetConstant(name, out weight))
        {
            return false;
        }

        if (weight.DataType != (int)DataType.Float || weight.Dims.Count != 2)
        {
            report.Note($"{OnnxNodes.Describe(node)} stays fp32: its weight is {(DataType)weight.DataType} of rank {weight.Dims.Count}, not a 2-D float");
            return false;
        }

        if (TensorBytes.ElementCount(weight) < options.MinWeightElements)
        {
            report.Note($"{OnnxNodes.Describe(node)} stays fp32: {TensorBytes.ElementCount(weight)} weights is under {options.MinWeightElements}");
            return false;
        }

        return true;
    }

    private void Emit(string input, float[] weights, int k, int n, string output, string hint)
    {
        var (values, scales) = options.PerChannel ? SymmetricInt8.PerColumn(weights, n) : Whole(weights);
        var w = graph.AddInitializer(TensorBytes.Create<sbyte>("", DataType.Int8, values, k, n), hint + "_W_int8");
        var wScale = graph.AddInitializer(
            scales.Length == 1 ? TensorBytes.Create<float>("", DataType.Float, scales) : TensorBytes.Create<float>("", DataType.Float, scales, n),
            hint + "_W_scale");
        var a = QuantizedInput(input);
        var int32 = graph.UniqueName(hint + "_int32");
        var asFloat = graph.UniqueName(hint + "_float");
        var scale = graph.UniqueName(hint + "_scale");
        graph.AddNode("MatMulInteger", [a.Values, w, a.ZeroPoint], [int32]);
        graph.AddNode("Cast", [int32], [asFloat], Attributes.Int("to", (long)DataType.Float));
        graph.AddNode("Mul", [a.Scale, wScale], [scale]);
        graph.AddNode("Mul", [asFloat, scale], [output]);
    }

    private (string Values, string Scale, string ZeroPoint) QuantizedInput(string input)
    {
        if (!_quantizedInputs.TryGetValue(input, out var q))
        {
            q = (graph.UniqueName(input + "_u8"), graph.UniqueName(input + "_scale"), graph.UniqueName(input + "_zero_point"));
            graph.AddNode("DynamicQuantizeLinear", [input], [q.Values, q.Scale, q.ZeroPoint]);
            _quantizedInputs[input] = q;
        }

        return q;
    }

    private static (sbyte[] Values, float[] Scales) Whole(float[] weights)
    {
        var (values, scale) = SymmetricInt8.PerTensor(weights);
        return (values, [scale]);
    }

    private static float[] Transpose(float[] values, int rows, int columns)
    {
        var result = new float[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = values[(r * columns) + c];
            }
        }

        return result;
    }

    private static string NameOf(NodeProto node) => string.IsNullOrEmpty(node.Name) ? node.Output[0] : node.Name;
}
