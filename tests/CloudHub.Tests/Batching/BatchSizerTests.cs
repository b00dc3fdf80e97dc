using EdgeCloud.CloudHub.Batching;

namespace EdgeCloud.CloudHub.Tests.Batching;

public sealed class BatchSizerTests
{
    private static readonly BatchPolicy Preferred = new(32, TimeSpan.FromMilliseconds(2), [8, 16, 32], 0);
    private static readonly BatchPolicy NoPreferred = new(4, TimeSpan.FromMilliseconds(2), [], 0);

    [Theory]
    [InlineData(7, false, 0)] // under every preferred size: wait
    [InlineData(7, true, 7)] // the delay has passed: all of them
    [InlineData(8, false, 8)] // exactly a preferred size
    [InlineData(9, false, 8)] // the largest preferred size it can make
    [InlineData(20, false, 16)]
    [InlineData(32, false, 32)] // full
    public void Take_SingleRowRequests_FollowsThePreferredSizes(int requests, bool delayExpired, int expected)
    {
        var rows = Enumerable.Repeat(1, requests).ToArray();

        Assert.Equal(expected, BatchSizer.Take(rows, full: false, Preferred, delayExpired));
    }

    [Fact]
    public void Take_NextRequestDoesNotFit_SendsWhatFits()
    {
        Assert.Equal(2, BatchSizer.Take([3, 2], full: true, NoPreferred, delayExpired: false));
    }

    [Fact]
    public void Take_NoPreferredSizesUnderTheMax_WaitsForTheDelay()
    {
        Assert.Equal(0, BatchSizer.Take([1, 1, 1], full: false, NoPreferred, delayExpired: false));
        Assert.Equal(3, BatchSizer.Take([1, 1, 1], full: false, NoPreferred, delayExpired: true));
    }

    [Fact]
    public void Take_MultiRowRequests_CountsRowsNotRequests()
    {
        Assert.Equal(2, BatchSizer.Take([4, 4, 1], full: false, Preferred, delayExpired: false));
        Assert.Equal(2, BatchSizer.Take([2, 2], full: false, NoPreferred, delayExpired: false));
    }
}
