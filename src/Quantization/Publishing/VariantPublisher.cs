using EdgeCloud.Quantization.Dynamic;
using EdgeCloud.Quantization.Fp16;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Static;

namespace EdgeCloud.Quantization.Publishing;

/// <summary>
/// Converts a model, checks that ONNX Runtime loads and runs the result, applies the accuracy gate, and only
/// then moves the file to its published name. A conversion error or a rejected variant leaves no file behind.
/// </summary>
public static class VariantPublisher
{
    public static PublishResult Publish(QuantizeRequest request)
    {
        var source = Path.GetFullPath(request.ModelPath);
        var output = Path.GetFullPath(request.OutputPath);
        if (string.Equals(source, output, StringComparison.Ordinal))
        {
            throw new QuantizationException($"--out must differ from --model ({output})");
        }

        var result = Convert(source, request);
        var staging = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.staging");
        try
        {
            OnnxModelFile.Write(result.Model, staging);
            LoadAndRun(staging, request);
            var gate = request.Gate is null ? null : AccuracyGate.Evaluate(source, staging, request.Gate, Samples(request));
            var bytes = new FileInfo(staging).Length;
            if (gate is { Passed: false })
            {
                return new PublishResult(result.Report, gate, false, bytes, new FileInfo(source).Length);
            }

            File.Move(staging, output, overwrite: true);
            return new PublishResult(result.Report, gate, true, bytes, new FileInfo(source).Length);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    private static ConversionResult Convert(string source, QuantizeRequest request) => request.Mode switch
    {
        QuantizationMode.Int8Dynamic => DynamicInt8Quantizer.Quantize(OnnxModelFile.Read(source)),
        QuantizationMode.Int8Static => StaticQdqQuantizer.Quantize(source, request.Calibration, request.Static),
        QuantizationMode.Fp16 => Fp16Converter.Convert(OnnxModelFile.Read(source)),
        _ => throw new QuantizationException($"unknown mode {request.Mode}"),
    };

    private static void LoadAndRun(string path, QuantizeRequest request)
    {
        try
        {
            using var runner = new ModelRunner(path);
            runner.Run(Samples(request).FirstOrDefault() ?? SyntheticInputs.For(runner.InputMetadata));
        }
        catch (QuantizationException ex)
        {
            throw new QuantizationException($"the converted model does not run in ONNX Runtime, so it is not published: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Samples(QuantizeRequest request) =>
        request.Evaluation.Count > 0 ? request.Evaluation : request.Calibration;
}
