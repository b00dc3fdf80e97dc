using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class PeakEwmaTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ValueMs_NoSamples_IsZero()
    {
        Assert.Equal(0, new PeakEwma(_time, TimeSpan.FromSeconds(10)).ValueMs);
    }

    [Fact]
    public void Add_HigherSample_ReplacesTheAverageAtOnce()
    {
        var ewma = new PeakEwma(_time, TimeSpan.FromSeconds(10));
        ewma.Add(TimeSpan.FromMilliseconds(10));

        ewma.Add(TimeSpan.FromMilliseconds(500));

        Assert.Equal(500, ewma.ValueMs);
    }

    [Fact]
    public void Add_LowerSampleWithNoTimeElapsed_KeepsThePeak()
    {
        var ewma = new PeakEwma(_time, TimeSpan.FromSeconds(10));
        ewma.Add(TimeSpan.FromMilliseconds(100));

        ewma.Add(TimeSpan.FromMilliseconds(10));

        Assert.Equal(100, ewma.ValueMs);
    }

    [Fact]
    public void Add_LowerSampleOneDecayTimeLater_BlendsByExponentialWeight()
    {
        var ewma = new PeakEwma(_time, TimeSpan.FromSeconds(10));
        ewma.Add(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(10));

        ewma.Add(TimeSpan.FromMilliseconds(10));

        var weight = Math.Exp(-1);
        Assert.Equal((100 * weight) + (10 * (1 - weight)), ewma.ValueMs, precision: 9);
    }
}
