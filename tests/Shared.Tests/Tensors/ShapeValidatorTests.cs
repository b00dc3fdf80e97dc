using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class ShapeValidatorTests
{
    private const long Limit = 64L * 1024 * 1024;

    private static readonly TensorSpec Audio = new("input", DataType.Fp32, [-1, -1]);
    private static readonly TensorSpec State = new("state", DataType.Fp32, [2, -1, 128]);
    private static readonly TensorSpec Scalar = new("sr", DataType.Int64, []);

    [Fact]
    public void CheckAndCount_MatchingShape_ReturnsElementCount()
    {
        Assert.Equal(512, ShapeValidator.CheckAndCount(Audio, [1, 512], Limit));
        Assert.Equal(2 * 3 * 128, ShapeValidator.CheckAndCount(State, [2, 3, 128], Limit));
    }

    [Fact]
    public void CheckAndCount_Scalar_ReturnsOne() =>
        Assert.Equal(1, ShapeValidator.CheckAndCount(Scalar, [], Limit));

    [Theory]
    [InlineData(1L, 1L)]
    [InlineData(7L, 3L)]
    [InlineData(1000L, 4096L)]
    [InlineData(0L, 512L)]
    public void CheckAndCount_VariableDimensions_AcceptAnySize(long batch, long samples) =>
        Assert.Equal(batch * samples, ShapeValidator.CheckAndCount(Audio, [batch, samples], Limit));

    [Fact]
    public void CheckAndCount_RankMismatch_ThrowsInvalidWithExpectedAndGot() =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(Audio, [512], Limit),
            "input 'input'",
            "expected rank 2 with shape [-1,-1]",
            "got rank 1 with shape [512]");

    [Fact]
    public void CheckAndCount_ScalarGivenForTensor_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(State, [], Limit),
            "input 'state'",
            "expected rank 3",
            "got rank 0 with shape []");

    [Fact]
    public void CheckAndCount_TensorGivenForScalar_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(Scalar, [1], Limit),
            "input 'sr'",
            "expected rank 0 with shape []",
            "got rank 1 with shape [1]");

    [Fact]
    public void CheckAndCount_FixedDimensionMismatch_ThrowsInvalidNamingTheDimension() =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(State, [3, 1, 128], Limit),
            "input 'state'",
            "expected shape [2,-1,128], got [3,1,128]",
            "dimension 0 must be 2");

    [Fact]
    public void CheckAndCount_LastFixedDimensionMismatch_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(State, [2, 1, 64], Limit),
            "dimension 2 must be 128");

    [Theory]
    [InlineData(-1L)]
    [InlineData(-2L)]
    [InlineData(long.MinValue)]
    public void CheckAndCount_NegativeDimension_ThrowsInvalid(long dim) =>
        InferenceAssert.Invalid(
            () => ShapeValidator.CheckAndCount(Audio, [1, dim], Limit),
            "input 'input'",
            $"dimension 1 is {dim}",
            "must be >= 0");

    [Fact]
    public void CheckAndCount_NegativeDimensionWhereModelHasFixedOne_ThrowsInvalid() =>
        InferenceAssert.Invalid(() => ShapeValidator.CheckAndCount(State, [-2, 1, 128], Limit), "dimension 0 is -2");

    [Fact]
    public void CheckAndCount_ExactlyAtLimit_ReturnsCount() =>
        Assert.Equal(1000, ShapeValidator.CheckAndCount(Audio, [10, 100], 1000));

    [Fact]
    public void CheckAndCount_OneOverLimit_ThrowsResourceExhausted() =>
        InferenceAssert.Throws(
            InferenceErrorCode.ResourceExhausted,
            () => ShapeValidator.CheckAndCount(Audio, [7, 143], 1000),
            "input 'input'",
            "shape [7,143]",
            "limit of 1000 elements");

    [Theory]
    [InlineData(long.MaxValue, 2L)]
    [InlineData(2L, long.MaxValue)]
    [InlineData(4294967296L, 4294967296L)]
    [InlineData(3037000500L, 3037000500L)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void CheckAndCount_HugeDimensions_ThrowResourceExhaustedWithoutOverflow(long a, long b) =>
        InferenceAssert.Throws(
            InferenceErrorCode.ResourceExhausted,
            () => ShapeValidator.CheckAndCount(Audio, [a, b], Limit),
            "input 'input'",
            $"limit of {Limit} elements");

    [Fact]
    public void CheckAndCount_ProductWrapsPastLongMaxValue_ThrowsResourceExhausted()
    {
        // 2^21 x 2^21 x 2^22 = 2^64 wraps to 0 in 64-bit arithmetic.
        var spec = new TensorSpec("t", DataType.Uint8, [-1, -1, -1]);

        InferenceAssert.Throws(
            InferenceErrorCode.ResourceExhausted,
            () => ShapeValidator.CheckAndCount(spec, [1L << 21, 1L << 21, 1L << 22], long.MaxValue));
    }

    [Theory]
    [InlineData(0L, 512L)]
    [InlineData(512L, 0L)]
    [InlineData(0L, 0L)]
    public void CheckAndCount_ZeroSizeDimension_ReturnsZero(long a, long b) =>
        Assert.Equal(0, ShapeValidator.CheckAndCount(Audio, [a, b], Limit));

    [Fact]
    public void CheckAndCount_ZeroSizeFixedDimensionMismatch_ThrowsInvalid() =>
        InferenceAssert.Invalid(() => ShapeValidator.CheckAndCount(State, [0, 1, 128], Limit), "dimension 0 must be 2");

    [Fact]
    public void CheckAndCount_ZeroBeforeHugeDimension_ReturnsZero() =>
        Assert.Equal(0, ShapeValidator.CheckAndCount(Audio, [0, long.MaxValue], Limit));

    [Fact]
    public void CheckAndCount_ZeroAfterHugeDimension_ReturnsZeroLikeTheOtherOrder()
    {
        // [0, huge] and [huge, 0] hold the same number of elements (none); the answer must not depend on the order.
        Assert.Equal(0, ShapeValidator.CheckAndCount(Audio, [long.MaxValue, 0], Limit));
    }
}
