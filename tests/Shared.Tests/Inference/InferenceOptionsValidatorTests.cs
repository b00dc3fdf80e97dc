using System.ComponentModel.DataAnnotations;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tests.Inference;

public sealed class InferenceOptionsValidatorTests
{
    private readonly InferenceOptionsValidator _validator = new();

    [Theory]
    [InlineData]
    [InlineData("cpu")]
    [InlineData("cuda")]
    [InlineData("cuda", "cpu")]
    [InlineData("dml", "cpu")]
    [InlineData("cuda", "dml", "cpu")]
    public void Validate_KnownProviders_Succeeds(params string[] providers) =>
        Assert.True(_validator.Validate(null, new InferenceOptions { ExecutionProviders = providers }).Succeeded);

    [Theory]
    [InlineData("tpu")]
    [InlineData("CUDA")]
    [InlineData("CPUExecutionProvider")]
    [InlineData("")]
    public void Validate_UnknownProvider_FailsNamingItAndTheKnownOnes(string provider)
    {
        var result = _validator.Validate(null, new InferenceOptions { ExecutionProviders = ["cpu", provider] });

        Assert.True(result.Failed);
        Assert.Contains($"'{provider}' is not a provider", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("expected one of cuda, dml, cpu", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Inference:ExecutionProviders", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedProvider_Fails()
    {
        var result = _validator.Validate(null, new InferenceOptions { ExecutionProviders = ["cuda", "cpu", "cuda"] });

        Assert.True(result.Failed);
        Assert.Contains("each provider may appear once", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEveryOneInOneResult()
    {
        var result = _validator.Validate(null, new InferenceOptions { ExecutionProviders = ["tpu", "cpu", "npu", "cpu"] });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains("'tpu'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'npu'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("appear once", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_NoneConfigured_DefaultsToCpu()
    {
        Assert.Equal(["cpu"], new InferenceOptions().Providers);
        Assert.Equal(["cuda", "cpu"], new InferenceOptions { ExecutionProviders = ["cuda", "cpu"] }.Providers);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new InferenceOptions();

        Assert.Empty(options.ExecutionProviders);
        Assert.Equal(1, options.IntraOpThreads);
        Assert.Equal(1, options.InterOpThreads);
        Assert.Equal(0, options.DeviceId);
        Assert.False(options.CudaPreferNhwc);
        Assert.True(options.WarmUp);
        Assert.Equal(64L * 1024 * 1024, options.MaxElementsPerTensor);
    }

    [Theory]
    [InlineData(-1, 1, 0, 1L, "IntraOpThreads")]
    [InlineData(1, 257, 0, 1L, "InterOpThreads")]
    [InlineData(1, 1, 65, 1L, "DeviceId")]
    [InlineData(1, 1, 0, 0L, "MaxElementsPerTensor")]
    public void DataAnnotations_OutOfRangeValue_FailsNamingTheMember(int intra, int inter, int device, long maxElements, string member)
    {
        var options = new InferenceOptions { IntraOpThreads = intra, InterOpThreads = inter, DeviceId = device, MaxElementsPerTensor = maxElements };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }
}
