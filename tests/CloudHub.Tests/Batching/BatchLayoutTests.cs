using EdgeCloud.CloudHub.Batching;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class BatchLayoutTests
{
    [Theory]
    [InlineData("minilm")]
    [InlineData("ocr-cls")]
    [InlineData("ocr-rec")]
    public void WhyNotBatchable_RealModelsWithABatchDimension_IsNull(string model)
    {
        using var session = ModelSession.Load(model, "1", "fp32", TestModels.ModelFile(model), new InferenceOptions { WarmUp = false });

        Assert.Null(BatchLayout.WhyNotBatchable(session.Info));
    }

    [Fact]
    public void WhyNotBatchable_SileroWhoseStateBatchesInDimensionOne_SaysWhy()
    {
        using var session = ModelSession.Load("silero-vad", "1", "fp32", TestModels.ModelFile("silero-vad"), new InferenceOptions { WarmUp = false });

        Assert.Contains("'state' has no variable first dimension", BatchLayout.WhyNotBatchable(session.Info), StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotBatchable_OutputLeadingWithTheSequence_SaysWhy()
    {
        var info = new ModelSessionInfo(
            "m", "1", "fp32", "cpu",
            [new TensorSpec("ids", DataType.Int64, [-1, -1]) { DimensionNames = ["batch", "sequence"] }],
            [new TensorSpec("out", DataType.Fp32, [-1, -1]) { DimensionNames = ["sequence", "batch"] }]);

        Assert.Contains("starts with the inputs' dimension 'sequence'", BatchLayout.WhyNotBatchable(info), StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotBatchable_InputsNamingDimensionZeroDifferently_SaysWhy()
    {
        var info = new ModelSessionInfo(
            "m", "1", "fp32", "cpu",
            [
                new TensorSpec("a", DataType.Fp32, [-1, 4]) { DimensionNames = ["batch", ""] },
                new TensorSpec("b", DataType.Fp32, [-1, 4]) { DimensionNames = ["n", ""] },
            ],
            [new TensorSpec("out", DataType.Fp32, [-1]) { DimensionNames = ["batch"] }]);

        Assert.Contains("'batch' and 'n'", BatchLayout.WhyNotBatchable(info), StringComparison.Ordinal);
    }
}
