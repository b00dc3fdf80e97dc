using EdgeCloud.EdgeAgent.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

public sealed class OutboxDrainerTests
{
    [Fact]
    public async Task StepAsync_HubUp_SendsInOrderAndForgetsAcknowledged()
    {
        await using var harness = OutboxHarness.Create(o => o.DrainBatchSize = 2);
        var ct = TestContext.Current.CancellationToken;
        var hub = new FakePublisher();
        using var drainer = NewDrainer(harness, hub);
        foreach (var id in new[] { "1", "2", "3" })
        {
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: id), ct);
        }

        Assert.Equal(DrainStep.Continue, await drainer.StepAsync(ct));
        Assert.Equal(DrainStep.Continue, await drainer.StepAsync(ct));
        Assert.Equal(DrainStep.Idling, await drainer.StepAsync(ct));

        Assert.Equal(["1", "2", "3"], hub.Stored);
        Assert.Equal(0, harness.Outbox.Stats.PendingEvents);
        Assert.Equal(3, harness.Outbox.Stats.Delivered);
    }

    [Fact]
    public async Task StepAsync_HubDown_BacksOffExponentiallyKeepsEventsThenDrains()
    {
        await using var harness = OutboxHarness.Create(o =>
        {
            o.RetryMinDelay = TimeSpan.FromSeconds(1);
            o.RetryMaxDelay = TimeSpan.FromSeconds(8);
        });
        var ct = TestContext.Current.CancellationToken;
        var hub = new FakePublisher { Down = true };
        using var drainer = NewDrainer(harness, hub);
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "kept"), ct);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add((await drainer.StepAsync(ct)).Backoff!.Value);
        }

        // Jitter is pinned to 1.0 by the scripted random source: 1, 2, 4, 8, 8 s.
        Assert.Equal([1, 2, 4, 8, 8], delays.Select(d => d.TotalSeconds));
        Assert.Equal(5, drainer.ConsecutiveFailures);
        Assert.Contains("connection refused", drainer.LastError, StringComparison.Ordinal);
        Assert.Equal(1, harness.Outbox.Stats.PendingEvents);

        hub.Down = false;
        Assert.Equal(DrainStep.Continue, await drainer.StepAsync(ct));
        Assert.Equal(["kept"], hub.Stored);
        Assert.Equal(0, drainer.ConsecutiveFailures);
        Assert.Null(drainer.LastError);
    }

    [Fact]
    public async Task ExecuteAsync_HubReturns_DrainsOnFakeTimeWithoutSleeping()
    {
        await using var harness = OutboxHarness.Create(o => o.RetryMinDelay = TimeSpan.FromSeconds(10));
        var ct = TestContext.Current.CancellationToken;
        var hub = new FakePublisher { Down = true };
        using var drainer = NewDrainer(harness, hub);
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "x"), ct);

        await drainer.StartAsync(ct);
        await WaitUntilAsync(() => hub.Calls >= 1, ct);
        hub.Down = false;
        for (var i = 0; i < 1000 && harness.Outbox.Stats.PendingEvents > 0; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1)); // the backoff (10 s ±20%) runs on fake time only
            await Task.Delay(10, ct);
        }

        await drainer.StopAsync(ct);

        Assert.Equal(["x"], hub.Stored);
        Assert.Equal(2, hub.Calls); // one failure, one success: no retry before the backoff ran out
    }

    [Fact]
    public async Task StepAsync_PastMaxAge_DropsEvenWhileHubIsDown()
    {
        await using var harness = OutboxHarness.Create(o => o.MaxAge = TimeSpan.FromMinutes(1));
        var ct = TestContext.Current.CancellationToken;
        var hub = new FakePublisher { Down = true };
        using var drainer = NewDrainer(harness, hub);
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "stale"), ct);

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var step = await drainer.StepAsync(ct);

        Assert.NotNull(step.Backoff); // the heartbeat found the hub still down
        Assert.Equal(1, harness.Outbox.Stats.DroppedByAge);
        Assert.Empty(hub.Stored);
    }

    [Fact]
    public async Task StepAsync_NothingToSend_HeartbeatsEachIdleIntervalAndTracksReachability()
    {
        await using var harness = OutboxHarness.Create(o => o.IdlePollInterval = TimeSpan.FromSeconds(5));
        var ct = TestContext.Current.CancellationToken;
        var hub = new FakePublisher();
        var reachability = new HubReachability();
        using var drainer = new OutboxDrainer(harness.Outbox, hub, reachability, new FixedRandom(0.5), harness.Time, NullLogger<OutboxDrainer>.Instance);

        Assert.Equal(DrainStep.Idling, await drainer.StepAsync(ct)); // first step: a heartbeat
        Assert.Equal(DrainStep.Idling, await drainer.StepAsync(ct)); // within the interval: none
        Assert.Equal(1, hub.Calls);

        hub.Down = true;
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var failed = await drainer.StepAsync(ct);

        Assert.Equal(2, hub.Calls);
        Assert.NotNull(failed.Backoff);
        Assert.False(reachability.Reachable);
        hub.Down = false;
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(DrainStep.Idling, await drainer.StepAsync(ct));
        Assert.True(reachability.Reachable);
        Assert.Equal(0, drainer.ConsecutiveFailures);
        Assert.Empty(hub.Stored);
    }

    private static OutboxDrainer NewDrainer(OutboxHarness harness, FakePublisher hub) =>
        new(harness.Outbox, hub, new HubReachability(), new FixedRandom(0.5), harness.Time, NullLogger<OutboxDrainer>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, ct);
        }

        Assert.True(condition(), "the condition was not met within 10 s");
    }

    private sealed class FixedRandom(double value) : Routing.IRandomSource
    {
        public int Next(int maxExclusive) => (int)(value * maxExclusive);

        public double NextDouble() => value;
    }
}
