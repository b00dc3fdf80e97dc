using EdgeCloud.EdgeAgent.Serving;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Serving;

/// <summary>The hedge on fake time: the primary plays the cloud, the hedge the device.</summary>
public sealed class HedgedCallTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _time = new();
    private readonly TaskCompletionSource<string> _primary = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _hedge = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _hedgeStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _primaryToken;
    private int _hedgeStarts;

    [Fact]
    public async Task RunAsync_PrimaryAnswersBeforeTheDelay_HedgeNeverStarts()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        _primary.SetResult("cloud");

        var outcome = await call;
        _time.Advance(Delay);

        Assert.Equal(new HedgeOutcome<string>("cloud", HedgeStarted: false, HedgeAnswered: false), outcome);
        Assert.Equal(0, _hedgeStarts);
    }

    [Fact]
    public async Task RunAsync_PrimarySilentPastTheDelay_HedgeAnswersAndPrimaryRunsOn()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _hedgeStarts);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await HedgeStartedAsync();
        _hedge.SetResult("local");

        Assert.Equal(new HedgeOutcome<string>("local", HedgeStarted: true, HedgeAnswered: true), await call);
        Assert.False(_primaryToken.IsCancellationRequested, "the primary runs on so the breaker hears of its timeout");
        _primary.SetException(new TimeoutException("the cloud did not answer")); // observed, never thrown
    }

    [Fact]
    public async Task RunAsync_PrimaryFailsBeforeTheDelay_ThrowsItsFailureWithoutHedging()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _primary.SetException(new InvalidOperationException("connection refused"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        _time.Advance(Delay);

        Assert.Equal("connection refused", error.Message);
        Assert.Equal(0, _hedgeStarts);
    }

    [Fact]
    public async Task RunAsync_PrimaryFailsAfterTheHedgeStarted_HedgeAnswers()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay);
        await HedgeStartedAsync();
        _primary.SetException(new TimeoutException("the cloud did not answer"));
        _hedge.SetResult("local");

        Assert.Equal(new HedgeOutcome<string>("local", HedgeStarted: true, HedgeAnswered: true), await call);
    }

    [Fact]
    public async Task RunAsync_HedgeFailsThenPrimaryAnswers_PrimaryAnswers()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay);
        await HedgeStartedAsync();
        _hedge.SetException(new InvalidOperationException("local run failed"));
        _primary.SetResult("cloud");

        Assert.Equal(new HedgeOutcome<string>("cloud", HedgeStarted: true, HedgeAnswered: false), await call);
    }

    [Fact]
    public async Task RunAsync_PrimaryAnswersFirstAfterTheHedgeStarted_PrimaryAnswers()
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay);
        await HedgeStartedAsync();
        _primary.SetResult("cloud");

        Assert.Equal(new HedgeOutcome<string>("cloud", HedgeStarted: true, HedgeAnswered: false), await call);
        _hedge.SetException(new InvalidOperationException("late local failure")); // observed, never thrown
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_BothFail_ThrowsTheHedgesFailure(bool primaryFailsFirst)
    {
        var call = Run(TestContext.Current.CancellationToken);
        _time.Advance(Delay);
        await HedgeStartedAsync();
        if (primaryFailsFirst)
        {
            _primary.SetException(new TimeoutException("the cloud did not answer"));
            _hedge.SetException(new InvalidOperationException("local run failed"));
        }
        else
        {
            _hedge.SetException(new InvalidOperationException("local run failed"));
            _primary.SetException(new TimeoutException("the cloud did not answer"));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        Assert.Equal("local run failed", error.Message);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsWhileWaiting_PrimaryIsCancelled()
    {
        using var caller = new CancellationTokenSource();
        var call = Run(caller.Token);

        await caller.CancelAsync();
        Assert.True(_primaryToken.IsCancellationRequested);
        _primary.SetCanceled(_primaryToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, _hedgeStarts);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsAfterTheHedgeAnswered_PrimaryRunsOn()
    {
        using var caller = new CancellationTokenSource();
        var call = Run(caller.Token);
        _time.Advance(Delay);
        await HedgeStartedAsync();
        _hedge.SetResult("local");
        await call;

        await caller.CancelAsync();

        Assert.False(_primaryToken.IsCancellationRequested, "once answered, the caller's cancellation no longer reaches the primary");
        _primary.SetResult("cloud");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task RunAsync_DelayNotPositive_Throws(int milliseconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            HedgedCall.RunAsync(_ => _primary.Task, _ => _hedge.Task, TimeSpan.FromMilliseconds(milliseconds), _time, TestContext.Current.CancellationToken));
    }

    private Task<HedgeOutcome<string>> Run(CancellationToken cancellationToken) =>
        HedgedCall.RunAsync(
            ct =>
            {
                _primaryToken = ct;
                return _primary.Task;
            },
            _ =>
            {
                Interlocked.Increment(ref _hedgeStarts);
                _hedgeStarted.TrySetResult();
                return _hedge.Task;
            },
            Delay,
            _time,
            cancellationToken);

    private Task HedgeStartedAsync() => _hedgeStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
}
