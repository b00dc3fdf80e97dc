using EdgeCloud.Routing.CircuitBreaking;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.CircuitBreaking;

public sealed class RollingHealthMetricsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void GetHealthInfo_NoOutcomes_IsEmpty()
    {
        var metrics = new RollingHealthMetrics(TimeSpan.FromSeconds(10), _time);

        Assert.Equal(new HealthInfo(0, 0), metrics.GetHealthInfo());
    }

    [Fact]
    public void GetHealthInfo_MixedOutcomes_ReportsThroughputAndRate()
    {
        var metrics = new RollingHealthMetrics(TimeSpan.FromSeconds(10), _time);
        metrics.IncrementSuccess();
        metrics.IncrementSuccess();
        metrics.IncrementSuccess();
        metrics.IncrementFailure();

        Assert.Equal(new HealthInfo(4, 0.25), metrics.GetHealthInfo());
    }

    [Fact]
    public void GetHealthInfo_OutcomesAgeOut_BucketByBucket()
    {
        var metrics = new RollingHealthMetrics(TimeSpan.FromSeconds(10), _time);
        metrics.IncrementFailure();
        _time.Advance(TimeSpan.FromSeconds(5));
        metrics.IncrementSuccess();

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(new HealthInfo(1, 0), metrics.GetHealthInfo());
    }

    [Fact]
    public void Reset_AfterOutcomes_ForgetsThem()
    {
        var metrics = new RollingHealthMetrics(TimeSpan.FromSeconds(10), _time);
        metrics.IncrementFailure();

        metrics.Reset();

        Assert.Equal(0, metrics.GetHealthInfo().Throughput);
    }
}
