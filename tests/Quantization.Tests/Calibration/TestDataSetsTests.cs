using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Tests.TestSupport;

namespace EdgeCloud.Quantization.Tests.Calibration;

public sealed class TestDataSetsTests
{
    [Fact]
    public void WriteThenLoad_TwoSamples_RoundTripsNamesShapesAndBytes()
    {
        using var directory = new TempDirectory();
        IReadOnlyDictionary<string, SampleTensor> Sample(int seed) => new Dictionary<string, SampleTensor>
        {
            ["pixels"] = SampleTensor.FromFloats(TinyModels.Random(6, seed), 1, 2, 3),
            ["ids"] = SampleTensor.FromInt64([seed, 2, 3], 1, 3),
        };

        TestDataSets.Write(directory.Path, [Sample(1), Sample(2)]);
        var loaded = TestDataSets.Load(directory.Path, ["ids", "pixels"]);

        Assert.Equal(2, loaded.Count);
        Assert.Equal(Sample(2)["pixels"].Data, loaded[1]["pixels"].Data);
        Assert.Equal([1L, 2L, 3L], loaded[1]["pixels"].Shape);
        Assert.Equal(Sample(1)["ids"].Data, loaded[0]["ids"].Data);
    }

    [Fact]
    public void Load_FolderWithoutInputs_ThrowsDescribingTheLayout()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<QuantizationException>(() => TestDataSets.Load(directory.Path, ["x"]));

        Assert.Contains("test_data_set_N/input_K.pb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNotNamedByPosition_ThrowsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var file = directory.File("input_first.pb");
        File.WriteAllBytes(file, []);

        var error = Assert.Throws<QuantizationException>(() => TestDataSets.Load(directory.Path, ["x"]));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }
}
