using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;

namespace EdgeCloud.Quantization.Static;

/// <summary>
/// int8 static quantization of convolutional models in the QDQ format: ONNX Runtime's basic rewrites first
/// (BatchNormalization folded into Conv), then activation ranges from calibration samples, then
/// QuantizeLinear/DequantizeLinear pairs around every Conv. Opset 13 (per-channel DequantizeLinear) or later.
/// </summary>
public static class StaticQdqQuantizer
{
    public const long Opset = 13;

    public static ConversionResult Quantize(
        string fp32Path, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> calibration, StaticInt8Options? options = null)
    {
        options ??= new StaticInt8Options();
        var source = OnnxModelFile.Read(fp32Path);
        QuantizedOps.RefuseQuantized(source);
        ExternalData.Refuse(source);
        var model = OrtPreOptimizer.Optimize(fp32Path);
        GraphCleanup.DropInitializerInputs(model);
        OpsetUpgrade.To(model, Opset);
        var graph = new OnnxGraph(model);
        var report = new ConversionReport();
        var targets = ConvTarget.Find(graph, report);
        if (targets.Count == 0)
        {
            throw new QuantizationException("int8-static found no Conv with constant fp32 weights to quantize");
        }

        var tensors = targets.Select(t => t.Input).Concat(targets.Select(t => t.OutputRange).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var ranges = Calibrator.Ranges(model, tensors, calibration, options);
        new QdqInserter(graph, ranges, options, report).Apply(targets);
        GraphCleanup.Run(graph.Graph);
        ValueInfoCleanup.DropStale(graph.Graph);
        Provenance.Mark(model, $"int8-static ({options.Method}, {calibration.Count} calibration samples)", report);
        return new ConversionResult(model, report);
    }
}
