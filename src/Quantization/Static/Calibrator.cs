using Google.Protobuf;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using Microsoft.ML.OnnxRuntime;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Static;

/// <summary>
/// Runs the calibration samples through the model with the chosen intermediate tensors exposed as outputs,
/// and returns each tensor's range: min/max, or percentiles from a histogram filled in a second pass.
/// </summary>
internal static class Calibrator
{
    public static Dictionary<string, (float Min, float Max)> Ranges(
        ModelProto model, IReadOnlyCollection<string> tensors, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples, StaticInt8Options options)
    {
        if (samples.Count == 0)
        {
            throw new QuantizationException("int8-static needs calibration samples; none were given");
        }

        var augmented = model.Clone();
        foreach (var name in tensors.Where(t => augmented.Graph.Output.All(o => o.Name != t)))
        {
            augmented.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType.Float } },
            });
        }

        using var runner = new ModelRunner(augmented.ToByteArray(), level: GraphOptimizationLevel.ORT_ENABLE_BASIC);
        var ranges = tensors.ToDictionary(t => t, _ => (Min: float.MaxValue, Max: float.MinValue), StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            foreach (var (name, value) in runner.Run(sample, tensors))
            {
                var (min, max) = ranges[name];
                foreach (var v in value.ToFloats())
                {
                    min = MathF.Min(min, v);
                    max = MathF.Max(max, v);
                }

                ranges[name] = (min, max);
            }
        }

        return options.Method == CalibrationMethod.MinMax ? ranges : Percentiles(runner, tensors, samples, ranges, options);
    }

    private static Dictionary<string, (float Min, float Max)> Percentiles(
        ModelRunner runner,
        IReadOnlyCollection<string> tensors,
        IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples,
        Dictionary<string, (float Min, float Max)> ranges,
        StaticInt8Options options)
    {
        var histograms = tensors.ToDictionary(t => t, t => new Histogram(ranges[t].Min, ranges[t].Max, options.Bins), StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            foreach (var (name, value) in runner.Run(sample, tensors))
            {
                histograms[name].Add(value.ToFloats());
            }
        }

        return histograms.ToDictionary(p => p.Key, p => p.Value.Range(options.Percentile), StringComparer.Ordinal);
    }
}
