using EdgeCloud.Quantization.Int8;
using EdgeCloud.Quantization.Onnx;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Static;

/// <summary>
/// Inserts QuantizeLinear/DequantizeLinear pairs: uint8 (asymmetric) on each Conv's activation input and output,
/// int8 symmetric per-channel weights and int32 bias behind DequantizeLinear, the layout ONNX Runtime's CPU
/// provider fuses into QLinearConv.
/// </summary>
internal sealed class QdqInserter(OnnxGraph graph, IReadOnlyDictionary<string, (float Min, float Max)> ranges, StaticInt8Options options, ConversionReport report)
{
    private readonly Dictionary<string, AsymmetricUInt8> _dequantized = new(StringComparer.Ordinal);

    public void Apply(IReadOnlyList<ConvTarget> targets)
    {
        foreach (var target in targets.Where(t => t.OutputRange is not null))
        {
            QuantizeOutput(target);
        }

        foreach (var target in targets)
        {
            var input = target.Conv.Input[0];
            if (!_dequantized.ContainsKey(input))
            {
                input = Insert(input, Params(input), input);
            }

            QuantizeWeights(target.Conv, _dequantized[input].Scale);
            report.Count("Conv");
        }
    }

    private void QuantizeOutput(ConvTarget target)
    {
        var output = target.Conv.Output[0];
        var range = target.OutputRange!;
        var dq = Insert(output, Params(range), range);
        if (target.FoldedRelu is { } relu)
        {
            graph.Graph.Node.Remove(relu);
            Rewire(relu.Output[0], dq);
        }
    }

    /// <summary>Adds Q→DQ after <paramref name="tensor"/> and points every other reader at the DQ output.</summary>
    private string Insert(string tensor, AsymmetricUInt8 p, string hint)
    {
        var scale = graph.AddInitializer(TensorBytes.Create<float>("", DataType.Float, [p.Scale]), hint + "_scale");
        var zeroPoint = graph.AddInitializer(TensorBytes.Create<byte>("", DataType.Uint8, [p.ZeroPoint]), hint + "_zero_point");
        var quantized = graph.UniqueName(hint + "_QuantizeLinear");
        var dequantized = graph.UniqueName(hint + "_DequantizeLinear");
        Rewire(tensor, dequantized);
        graph.AddNode("QuantizeLinear", [tensor, scale, zeroPoint], [quantized]);
        graph.AddNode("DequantizeLinear", [quantized, scale, zeroPoint], [dequantized]);
        _dequantized[dequantized] = p;
        return dequantized;
    }

    private void QuantizeWeights(NodeProto conv, float inputScale)
    {
        graph.TryGetConstant(conv.Input[1], out var weight);
        var channels = (int)weight.Dims[0];
        var values = TensorBytes.ReadFloats(weight);
        var (q, scales) = options.PerChannel ? SymmetricInt8.PerRow(values, channels) : Whole(values, channels);
        var hint = string.IsNullOrEmpty(conv.Name) ? conv.Output[0] : conv.Name;
        conv.Input[1] = Dequantize(
            TensorBytes.Create<sbyte>("", DataType.Int8, q, [.. weight.Dims]),
            TensorBytes.Create<sbyte>("", DataType.Int8, new sbyte[channels], channels),
            scales,
            hint + "_W");
        if (conv.Input.Count > 2 && conv.Input[2].Length > 0)
        {
            graph.TryGetConstant(conv.Input[2], out var biasTensor);
            var bias = TensorBytes.ReadFloats(biasTensor);
            var biasScales = scales.Select(s => s * inputScale).ToArray();
            var biasQ = bias.Select((b, i) => (int)Math.Clamp(Math.Round((double)b / biasScales[i]), int.MinValue + 1, int.MaxValue)).ToArray();
            conv.Input[2] = Dequantize(
                TensorBytes.Create<int>("", DataType.Int32, biasQ, channels),
                TensorBytes.Create<int>("", DataType.Int32, new int[channels], channels),
                biasScales,
                hint + "_B");
        }
    }

    private string Dequantize(TensorProto values, TensorProto zeroPoints, float[] scales, string hint)
    {
        var q = graph.AddInitializer(values, hint + "_quantized");
        var s = graph.AddInitializer(TensorBytes.Create<float>("", DataType.Float, scales, scales.Length), hint + "_scale");
        var z = graph.AddInitializer(zeroPoints, hint + "_zero_point");
        var output = graph.UniqueName(hint + "_DequantizeLinear");
        graph.AddNode("DequantizeLinear", [q, s, z], [output], Attributes.Int("axis", 0));
        return output;
    }

    private AsymmetricUInt8 Params(string tensor) =>
        ranges.TryGetValue(tensor, out var r) ? AsymmetricUInt8.FromRange(r.Min, r.Max)
        : throw new QuantizationException($"no calibration range for tensor '{tensor}'");

    private void Rewire(string from, string to)
    {
        foreach (var node in graph.Graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == from)
                {
                    node.Input[i] = to;
                }
            }
        }
    }

    private static (sbyte[] Values, float[] Scales) Whole(float[] values, int channels)
    {
        var (q, scale) = SymmetricInt8.PerTensor(values);
        return (q, Enumerable.Repeat(scale, channels).ToArray());
    }
}
