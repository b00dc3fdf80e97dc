using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.Health;

public sealed class ActiveHealthTrackerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly ActiveHealthTracker _tracker;
    private readonly BackendState[] _backends;

    public ActiveHealthTrackerTests()
    {
        var options = new ActiveHealthOptions { Interval = Interval, HealthyThreshold = 2, UnhealthyThreshold = 3 };
        _tracker = new ActiveHealthTracker(new TestOptionsMonitor<ActiveHealthOptions>(options), _time);
        _backends = TestBackends.Many(3, _time);
    }

    [Fact]
    public void TakeDueForProbe_NeverProbed_ReturnsAll()
    {
        Assert.Equal(_backends, _tracker.TakeDueForProbe(_backends));
    }

    [Fact]
    public void TakeDueForProbe_JustTaken_NoneDueUntilTheIntervalPasses()
    {
        _tracker.TakeDueForProbe(_backends);

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_tracker.TakeDueForProbe(_backends));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(_backends, _tracker.TakeDueForProbe(_backends));
    }

    [Fact]
    public void TakeDueForProbe_StaggeredBackends_ReturnsOnlyTheDueOnes()
    {
        _tracker.TakeDueForProbe(_backends[..1]);
        _time.Advance(TimeSpan.FromSeconds(4));
        _tracker.TakeDueForProbe(_backends[1..]);

        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([_backends[0]], _tracker.TakeDueForProbe(_backends));
    }

    [Fact]
    public void GetDelayUntilNextProbe_StaggeredBackends_ReturnsTheEarliest()
    {
        _tracker.TakeDueForProbe(_backends[..1]);
        _time.Advance(TimeSpan.FromSeconds(4));
        _tracker.TakeDueForProbe(_backends[1..]);

        Assert.Equal(TimeSpan.FromSeconds(6), _tracker.GetDelayUntilNextProbe(_backends));
    }

    [Fact]
    public void GetDelayUntilNextProbe_OneNeverProbed_IsZero()
    {
        _tracker.TakeDueForProbe(_backends[..2]);

        Assert.Equal(TimeSpan.Zero, _tracker.GetDelayUntilNextProbe(_backends));
    }

    [Fact]
    public void GetDelayUntilNextProbe_NoBackends_IsTheInterval()
    {
        Assert.Equal(Interval, _tracker.GetDelayUntilNextProbe([]));
    }

    [Fact]
    public void RecordProbeResult_FailuresReachTheThreshold_MarksUnhealthy()
    {
        var backend = _backends[0];

        _tracker.RecordProbeResult(backend, healthy: false);
        _tracker.RecordProbeResult(backend, healthy: false);
        Assert.Equal(BackendHealth.Unknown, backend.ActiveHealth);

        _tracker.RecordProbeResult(backend, healthy: false);
        Assert.Equal(BackendHealth.Unhealthy, backend.ActiveHealth);
        Assert.False(backend.IsAvailable);
    }

    [Fact]
    public void RecordProbeResult_SuccessInterruptsTheFailures_StaysUnknown()
    {
        var backend = _backends[0];

        _tracker.RecordProbeResult(backend, healthy: false);
        _tracker.RecordProbeResult(backend, healthy: false);
        _tracker.RecordProbeResult(backend, healthy: true);
        _tracker.RecordProbeResult(backend, healthy: false);

        Assert.Equal(BackendHealth.Unknown, backend.ActiveHealth);
    }

    [Fact]
    public void RecordProbeResult_UnhealthyThenConsecutiveSuccesses_MarksHealthyAgain()
    {
        var backend = _backends[0];
        for (var i = 0; i < 3; i++)
        {
            _tracker.RecordProbeResult(backend, healthy: false);
        }

        _tracker.RecordProbeResult(backend, healthy: true);
        Assert.Equal(BackendHealth.Unhealthy, backend.ActiveHealth);

        _tracker.RecordProbeResult(backend, healthy: true);
        Assert.Equal(BackendHealth.Healthy, backend.ActiveHealth);
        Assert.True(backend.IsAvailable);
    }

    [Fact]
    public void Validator_ThresholdsOutOfRange_ListsEveryError()
    {
        var result = new ActiveHealthOptionsValidator().Validate(null, new ActiveHealthOptions { HealthyThreshold = 0, UnhealthyThreshold = 101, Interval = TimeSpan.Zero });

        Assert.Equal(3, result.Failures!.Count());
    }
}
