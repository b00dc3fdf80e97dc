using EdgeCloud.Routing.Edge;

namespace EdgeCloud.Routing.Tests.Edge;

public sealed class LatencyEstimatorTests
{
    private readonly EdgeRouteOptions _options = new() { EwmaAlpha = 0.5 };
    private readonly LatencyEstimator _estimator;

    public LatencyEstimatorTests() => _estimator = new LatencyEstimator(new TestOptionsMonitor<EdgeRouteOptions>(_options));

    [Fact]
    public void Estimate_NoSamples_ReturnsConfiguredDefaults()
    {
        _options.DefaultLocalLatency = TimeSpan.FromMilliseconds(40);
        _options.DefaultCloudLatency = TimeSpan.FromMilliseconds(300);

        Assert.Equal(TimeSpan.FromMilliseconds(40), _estimator.Estimate("m", RouteTarget.Local));
        Assert.Equal(TimeSpan.FromMilliseconds(300), _estimator.Estimate("m", RouteTarget.Cloud));
    }

    [Fact]
    public void Record_FirstSample_BecomesTheEstimate()
    {
        _estimator.Record("m", RouteTarget.Local, TimeSpan.FromMilliseconds(80));

        Assert.Equal(TimeSpan.FromMilliseconds(80), _estimator.Estimate("m", RouteTarget.Local));
    }

    [Fact]
    public void Record_FurtherSamples_MoveTheEstimateByAlpha()
    {
        _estimator.Record("m", RouteTarget.Cloud, TimeSpan.FromMilliseconds(100));
        _estimator.Record("m", RouteTarget.Cloud, TimeSpan.FromMilliseconds(200));
        _estimator.Record("m", RouteTarget.Cloud, TimeSpan.FromMilliseconds(50));

        // 100 → 150 → 100
        Assert.Equal(100, _estimator.Estimate("m", RouteTarget.Cloud).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Record_OneModelAndPath_LeavesOthersAtDefault()
    {
        _estimator.Record("a", RouteTarget.Local, TimeSpan.FromMilliseconds(7));

        Assert.Equal(_options.DefaultCloudLatency, _estimator.Estimate("a", RouteTarget.Cloud));
        Assert.Equal(_options.DefaultLocalLatency, _estimator.Estimate("b", RouteTarget.Local));
    }

    [Fact]
    public void Record_RefuseAsPath_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _estimator.Record("m", RouteTarget.Refuse, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => _estimator.Estimate("m", RouteTarget.Refuse));
    }

    [Fact]
    public void Record_NegativeLatency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _estimator.Record("m", RouteTarget.Local, TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public void Record_ConcurrentWriters_KeepAConsistentEstimate()
    {
        Parallel.For(0, 10_000, i => _estimator.Record("m", RouteTarget.Local, TimeSpan.FromMilliseconds(i % 2 == 0 ? 10 : 30)));

        Assert.InRange(_estimator.Estimate("m", RouteTarget.Local).TotalMilliseconds, 10, 30);
    }
}
