using EdgeCloud.CloudHub.Batching;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class BatchPolicyTests
{
    [Fact]
    public void From_MaxBatchSizeZero_IsNotBatched()
    {
        var config = new ModelConfig { Name = "m", MaxBatchSize = 0, DynamicBatching = new DynamicBatchingConfig() };

        Assert.Null(BatchPolicy.From(config));
    }

    [Fact]
    public void From_NoDynamicBatchingSection_IsNotBatched()
    {
        Assert.Null(BatchPolicy.From(new ModelConfig { Name = "m", MaxBatchSize = 8 }));
    }

    [Fact]
    public void From_Config_ReadsEveryFieldAndDropsPreferredSizesOverTheMax()
    {
        var config = new ModelConfig
        {
            Name = "m",
            MaxBatchSize = 16,
            DynamicBatching = new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 2500, PreferredBatchSize = [32, 8, 16, 8, 0], MaxQueueSize = 64 },
        };

        var policy = BatchPolicy.From(config)!;

        Assert.Equal(16, policy.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMicroseconds(2500), policy.MaxQueueDelay);
        Assert.Equal([8, 16], policy.PreferredBatchSizes);
        Assert.Equal(64, policy.MaxQueueSize);
    }
}
