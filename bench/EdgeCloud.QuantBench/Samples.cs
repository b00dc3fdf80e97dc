using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Runtime;

namespace EdgeCloud.QuantBench;

/// <summary>The bench's inputs: MiniLM sentences padded to 128 tokens, ResNet18 synthetic images through the shipped preprocessing.</summary>
internal static class Samples
{
    public static IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> MiniLm(QuantBenchOptions options) =>
        [.. MiniLmEvaluation.Samples(Path.Combine(options.Models, "repo", "minilm", "vocab.txt"))];

    public static IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> ResNet(QuantBenchOptions options, int firstSeed, int count)
    {
        using var preprocess = new ModelRunner(Path.Combine(options.Models, "assets", "resnet18", "ResNetPreprocess.onnx"));
        return [.. Enumerable.Range(firstSeed, count).Select(seed =>
        {
            var image = SampleTensor.FromFloats(SyntheticImages.Generate(seed, 224, 224), 1, 3, 224, 224);
            var input = preprocess.Run(new Dictionary<string, SampleTensor> { ["OriginalInput"] = image })["PreprocessedInput"];
            return (IReadOnlyDictionary<string, SampleTensor>)new Dictionary<string, SampleTensor> { ["Input247"] = input };
        })];
    }
}
