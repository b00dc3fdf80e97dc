using EdgeCloud.EdgeAgent.Serving;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Serving;

public sealed class CloudLatencyWindowTests
{
    [Fact]
    public void Quantile_BelowTheMinimumSamples_IsNull()
    {
        var window = new CloudLatencyWindow();
        for (var i = 0; i < CloudLatencyWindow.MinSamples - 1; i++)
        {
            window.Record("m", TimeSpan.FromMilliseconds(10));
        }

        Assert.Null(window.Quantile("m", 0.95));
        Assert.Null(window.Quantile("other", 0.95));
        window.Record("m", TimeSpan.FromMilliseconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(10), window.Quantile("m", 0.95));
    }

    [Fact]
    public void Quantile_IsTheNearestRankOfTheRecordedLatencies()
    {
        var window = new CloudLatencyWindow();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            window.Record("m", TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(95), window.Quantile("m", 0.95));
        Assert.Equal(TimeSpan.FromMilliseconds(50), window.Quantile("m", 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(100), window.Quantile("m", 1));
    }

    [Fact]
    public void Record_KeepsOnlyTheLatestCapacityPerModel()
    {
        var window = new CloudLatencyWindow();
        for (var i = 0; i < CloudLatencyWindow.Capacity; i++)
        {
            window.Record("m", TimeSpan.FromSeconds(5));
            window.Record("fast", TimeSpan.FromMilliseconds(3));
        }

        for (var i = 0; i < CloudLatencyWindow.Capacity; i++)
        {
            window.Record("m", TimeSpan.FromMilliseconds(40));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(40), window.Quantile("m", 0.99));
        Assert.Equal(TimeSpan.FromMilliseconds(3), window.Quantile("fast", 0.99));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void Quantile_OutsideZeroToOne_Throws(double quantile) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CloudLatencyWindow().Quantile("m", quantile));
}
