using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.Health;

public sealed class FailureRateHealthPolicyTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly PassiveHealthOptions _options = new()
    {
        FailureRateLimit = 0.3,
        MinimumRequests = 10,
        DetectionWindow = TimeSpan.FromSeconds(60),
        ReactivationPeriod = TimeSpan.FromSeconds(30),
    };

    private readonly FailureRateHealthPolicy _policy;
    private readonly BackendState _backend;

    public FailureRateHealthPolicyTests()
    {
        _policy = new FailureRateHealthPolicy(new TestOptionsMonitor<PassiveHealthOptions>(_options), _time);
        _backend = TestBackends.Create("b", _time);
    }

    [Fact]
    public void RecordOutcome_RateAtTheLimit_KeepsTheBackend()
    {
        Record(RequestOutcome.Success, 7);
        Record(RequestOutcome.Failure, 3);

        Assert.False(_backend.IsEjected);
        Assert.Equal(0.3, _backend.FailureRate, precision: 9);
    }

    [Fact]
    public void RecordOutcome_RateOverTheLimitWithMinimumRequests_Ejects()
    {
        Record(RequestOutcome.Success, 7);
        Record(RequestOutcome.Failure, 4);

        Assert.True(_backend.IsEjected);
        Assert.False(_backend.IsAvailable);
    }

    [Fact]
    public void RecordOutcome_AllFailingBelowMinimumRequests_KeepsTheBackend()
    {
        Record(RequestOutcome.Failure, 9);

        Assert.False(_backend.IsEjected);
        Assert.Equal(1, _backend.FailureRate);
    }

    [Fact]
    public void RecordOutcome_CallerCanceled_CountsNeitherWay()
    {
        Record(RequestOutcome.Failure, 9);
        Record(RequestOutcome.CallerCanceled, 100);

        Assert.False(_backend.IsEjected);
        Assert.Equal(1, _backend.FailureRate);

        Record(RequestOutcome.Failure, 1);

        Assert.True(_backend.IsEjected);
    }

    [Fact]
    public void RecordOutcome_OnlyCancellations_NeverEject()
    {
        Record(RequestOutcome.CallerCanceled, 1_000);

        Assert.False(_backend.IsEjected);
        Assert.Equal(0, _backend.FailureRate);
    }

    [Fact]
    public void IsEjected_ReactivationPeriodElapses_BackendReturns()
    {
        Record(RequestOutcome.Failure, 10);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(_backend.IsEjected);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_backend.IsEjected);
        Assert.True(_backend.IsAvailable);
    }

    [Fact]
    public void RecordOutcome_AfterReactivation_StartsWithAFreshWindow()
    {
        Record(RequestOutcome.Failure, 10);
        _time.Advance(_options.ReactivationPeriod);

        Record(RequestOutcome.Failure, 1);

        Assert.False(_backend.IsEjected);
    }

    [Fact]
    public void RecordOutcome_OldFailuresLeftTheWindow_AreForgotten()
    {
        Record(RequestOutcome.Failure, 9);
        _time.Advance(TimeSpan.FromSeconds(61));

        Record(RequestOutcome.Failure, 1);
        Record(RequestOutcome.Success, 9);

        Assert.False(_backend.IsEjected);
        Assert.Equal(0.1, _backend.FailureRate, precision: 9);
    }

    [Fact]
    public void RecordOutcome_OneBackendFailing_LeavesOthersAlone()
    {
        var other = TestBackends.Create("other", _time);

        Record(RequestOutcome.Failure, 10);
        _policy.RecordOutcome(other, RequestOutcome.Success);

        Assert.True(_backend.IsEjected);
        Assert.False(other.IsEjected);
        Assert.Equal(0, other.FailureRate);
    }

    [Fact]
    public void Validator_OutOfRange_ListsEveryError()
    {
        var result = new PassiveHealthOptionsValidator().Validate(null, new PassiveHealthOptions
        {
            FailureRateLimit = 2,
            MinimumRequests = 0,
            DetectionWindow = TimeSpan.Zero,
            ReactivationPeriod = TimeSpan.FromDays(2),
        });

        Assert.Equal(4, result.Failures!.Count());
    }

    private void Record(RequestOutcome outcome, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _policy.RecordOutcome(_backend, outcome);
        }
    }
}
