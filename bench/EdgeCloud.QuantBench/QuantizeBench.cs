using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeCloud.Quantization.Dynamic;
using EdgeCloud.Quantization.Fp16;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Static;

namespace EdgeCloud.QuantBench;

/// <summary>
/// fp32 vs int8/fp16 on this CPU: MiniLM int8 (dynamic) and fp16, ResNet18 int8 (static QDQ): sizes, accuracy,
/// latency at IntraOpNumThreads=1 (MiniLM 1×128, ResNet18 1×3×224×224), and the agent's RSS with MiniLM int8 vs fp32.
/// </summary>
internal static class QuantizeBench
{
    public static async Task<int> RunAsync(QuantBenchOptions options)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        Console.WriteLine($"# quantize bench: {CpuName()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"ONNX Runtime CPU, IntraOpNumThreads=1, {options.Iterations} interleaved runs per variant; work folder {options.WorkDirectory}");
        Console.WriteLine();
        var miniLm = Samples.MiniLm(options);
        var sentence = miniLm[1];
        var rows = new List<VariantRow>
        {
            MiniLmInt8(options, miniLm, sentence),
            MiniLmFp16(options, miniLm, sentence),
            ResNetInt8(options),
        };

        Console.WriteLine(VariantRow.Header);
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        await AgentRss.ReportAsync(options, Path.Combine(options.WorkDirectory, "minilm.int8.onnx"));
        return 0;
    }

    private static VariantRow MiniLmInt8(QuantBenchOptions options, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples, IReadOnlyDictionary<string, SampleTensor> input)
    {
        var fp32 = options.ModelFile("minilm");
        var path = Path.Combine(options.WorkDirectory, "minilm.int8.onnx");
        var seconds = Timed(() => OnnxModelFile.Write(DynamicInt8Quantizer.Quantize(OnnxModelFile.Read(fp32)).Model, path));
        var accuracy = VariantComparison.Compare(fp32, path, samples, ComparisonKind.PooledEmbedding);
        var (a, b) = LatencyPair.Measure(fp32, path, input, options.Iterations);
        return new("minilm 1×128", "int8 (dynamic)", new FileInfo(fp32).Length, new FileInfo(path).Length, seconds, accuracy, "embedding cosine", a, b);
    }

    private static VariantRow MiniLmFp16(QuantBenchOptions options, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples, IReadOnlyDictionary<string, SampleTensor> input)
    {
        var fp32 = options.ModelFile("minilm");
        var path = Path.Combine(options.WorkDirectory, "minilm.fp16.onnx");
        var seconds = Timed(() => OnnxModelFile.Write(Fp16Converter.Convert(OnnxModelFile.Read(fp32)).Model, path));
        var accuracy = VariantComparison.Compare(fp32, path, samples, ComparisonKind.PooledEmbedding);
        var (a, b) = LatencyPair.Measure(fp32, path, input, Math.Max(20, options.Iterations / 4));
        return new("minilm 1×128", "fp16 (GPU variant, run on CPU)", new FileInfo(fp32).Length, new FileInfo(path).Length, seconds, accuracy, "embedding cosine", a, b);
    }

    private static VariantRow ResNetInt8(QuantBenchOptions options)
    {
        var fp32 = options.ModelFile("resnet18");
        var path = Path.Combine(options.WorkDirectory, "resnet18.int8.onnx");
        var calibration = Samples.ResNet(options, 1, 16);
        var heldOut = Samples.ResNet(options, 1000, 16);
        var seconds = Timed(() => OnnxModelFile.Write(StaticQdqQuantizer.Quantize(fp32, calibration).Model, path));
        var accuracy = VariantComparison.Compare(fp32, path, heldOut, ComparisonKind.Outputs);
        var (a, b) = LatencyPair.Measure(fp32, path, heldOut[0], Math.Max(20, options.Iterations / 2));
        return new("resnet18 1×3×224×224", "int8 (static QDQ, min/max, 16 images)", new FileInfo(fp32).Length, new FileInfo(path).Length, seconds, accuracy, "output cosine", a, b);
    }

    private static string CpuName() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "cpu"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static double Timed(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
