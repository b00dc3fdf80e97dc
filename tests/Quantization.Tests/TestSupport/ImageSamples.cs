using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Quantization.Tests.TestSupport;

/// <summary>ResNet18 inputs: synthetic images put through the model's own shipped preprocessing (RGB→BGR, mean image).</summary>
internal static class ImageSamples
{
    public static string Preprocess => Path.Combine(TestModels.Repository, "..", "assets", "resnet18", "ResNetPreprocess.onnx");

    public static IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> ResNet(int firstSeed, int count)
    {
        using var preprocess = new ModelRunner(Preprocess);
        return [.. Enumerable.Range(firstSeed, count).Select(seed =>
        {
            var image = SampleTensor.FromFloats(SyntheticImages.Generate(seed, 224, 224), 1, 3, 224, 224);
            var input = preprocess.Run(new Dictionary<string, SampleTensor> { ["OriginalInput"] = image })["PreprocessedInput"];
            return (IReadOnlyDictionary<string, SampleTensor>)new Dictionary<string, SampleTensor> { ["Input247"] = input };
        })];
    }
}
