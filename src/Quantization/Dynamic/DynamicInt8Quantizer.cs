using EdgeCloud.Quantization.Onnx;

namespace EdgeCloud.Quantization.Dynamic;

/// <summary>
/// int8 dynamic quantization for MatMul-heavy models (transformers): weights become int8 offline,
/// activations are quantized at run time. The result needs only standard ONNX operators (opset 11+).
/// </summary>
public static class DynamicInt8Quantizer
{
    /// <summary>DynamicQuantizeLinear and MatMulInteger exist from opset 11 on.</summary>
    public const long MinOpset = 11;

    public static ConversionResult Quantize(ModelProto fp32, DynamicInt8Options? options = null)
    {
        options ??= new DynamicInt8Options();
        var model = fp32.Clone();
        var opset = Opsets.Default(model);
        if (opset < MinOpset)
        {
            throw new QuantizationException($"int8-dynamic needs opset {MinOpset} or later (DynamicQuantizeLinear, MatMulInteger); the model imports opset {opset}");
        }

        QuantizedOps.RefuseQuantized(model);
        ExternalData.Refuse(model);
        GraphCleanup.DropInitializerInputs(model);
        var graph = new OnnxGraph(model);
        var report = new ConversionReport();
        var matMuls = new MatMulRewriter(graph, options, report);
        var gathers = new GatherRewriter(graph, options, report);
        foreach (var node in graph.Graph.Node.ToList().Where(OnnxNodes.IsDefaultDomain))
        {
            _ = node.OpType switch
            {
                "MatMul" => matMuls.TryMatMul(node),
                "Gemm" => matMuls.TryGemm(node),
                "Gather" when options.QuantizeEmbeddings => gathers.TryGather(node),
                _ => false,
            };
        }

        if (report.Total == 0)
        {
            throw new QuantizationException("int8-dynamic found no MatMul, Gemm or Gather with a constant fp32 weight to quantize");
        }

        GraphCleanup.Run(graph.Graph);
        Provenance.Mark(model, "int8-dynamic", report);
        return new ConversionResult(model, report);
    }
}
