using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class BackendStateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void RequestStartedAndEnded_Concurrently_BalanceOut()
    {
        var backend = TestBackends.Create("b", _time);

        Parallel.For(0, 1_000, _ => backend.RequestStarted());
        Parallel.For(0, 400, _ => backend.RequestEnded(null));

        Assert.Equal(600, backend.Outstanding);
    }

    [Fact]
    public void RequestEnded_WithoutLatency_LeavesTheEwmaUntouched()
    {
        var backend = TestBackends.Create("b", _time);
        backend.RequestStarted();

        backend.RequestEnded(null);

        Assert.Equal(0, backend.EwmaLatencyMs);
    }

    [Fact]
    public void ReportMetrics_NewSnapshot_ReplacesTheOld()
    {
        var backend = TestBackends.Create("b", _time);
        var metrics = new BackendMetrics { GpuUtilization = 0.7, QueueLength = 3 };

        backend.ReportMetrics(metrics);

        Assert.Same(metrics, backend.Metrics);
    }

    [Fact]
    public void IsAvailable_Fresh_IsTrue()
    {
        Assert.True(TestBackends.Create("b", _time).IsAvailable);
    }

    [Fact]
    public void IsAvailable_Ejected_IsFalseUntilTheEjectionEnds()
    {
        var backend = TestBackends.Create("b", _time);

        backend.EjectFor(TimeSpan.FromSeconds(30));
        Assert.False(backend.IsAvailable);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(backend.IsAvailable);
    }

    [Fact]
    public void IsAvailable_ActivelyUnhealthy_IsFalse()
    {
        var backend = TestBackends.Create("b", _time);

        backend.ActiveHealth = BackendHealth.Unhealthy;

        Assert.False(backend.IsAvailable);
    }

    [Fact]
    public void IsAvailable_CircuitIsolatedThenClosed_Follows()
    {
        var backend = TestBackends.Create("b", _time);

        backend.Circuit.Isolate();
        Assert.False(backend.IsAvailable);

        backend.Circuit.Close();
        Assert.True(backend.IsAvailable);
    }

    [Fact]
    public void Weight_Negative_Throws()
    {
        var backend = TestBackends.Create("b", _time);

        Assert.Throws<ArgumentOutOfRangeException>(() => backend.Weight = -1);
    }
}
