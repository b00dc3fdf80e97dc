using EdgeCloud.CloudHub.Batching;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class RequestDeadlineTests
{
    [Fact]
    public void From_NoParameter_IsNull()
    {
        Assert.Null(RequestDeadline.From(new ModelInferRequest()));
    }

    [Fact]
    public void From_PositiveInt64_IsThatManyMilliseconds()
    {
        var request = new ModelInferRequest();
        request.Parameters[EdgeCloudParameters.DeadlineMs] = new InferParameter { Int64Param = 250 };

        Assert.Equal(TimeSpan.FromMilliseconds(250), RequestDeadline.From(request));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void From_NotPositive_ThrowsInvalidArgument(long value)
    {
        var request = new ModelInferRequest();
        request.Parameters[EdgeCloudParameters.DeadlineMs] = new InferParameter { Int64Param = value };

        var ex = Assert.Throws<InferenceException>(() => RequestDeadline.From(request));

        Assert.Equal(InferenceErrorCode.InvalidArgument, ex.Code);
        Assert.Contains($"the int64 {value}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_String_ThrowsInvalidArgumentNamingTheParameter()
    {
        var request = new ModelInferRequest();
        request.Parameters[EdgeCloudParameters.DeadlineMs] = new InferParameter { StringParam = "soon" };

        var ex = Assert.Throws<InferenceException>(() => RequestDeadline.From(request));

        Assert.Contains("edgecloud.deadline_ms must be a positive int64", ex.Message, StringComparison.Ordinal);
    }
}
