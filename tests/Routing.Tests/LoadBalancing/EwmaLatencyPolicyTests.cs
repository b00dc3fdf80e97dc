using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class EwmaLatencyPolicyTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly EwmaLatencyPolicy _policy = new();
    private readonly RoutingContext _context = new("m");

    [Fact]
    public void Pick_FastAndSlowIdle_PicksTheFast()
    {
        var slow = Sampled("slow", 100);
        var fast = Sampled("fast", 10);

        Assert.Same(fast, _policy.Pick(_context, [slow, fast]));
    }

    [Fact]
    public void Pick_FastButBusy_PicksTheSlowerIdle()
    {
        var slow = Sampled("slow", 100);
        var fast = Sampled("fast", 10, outstanding: 20);

        // 100 × 1 < 10 × 21
        Assert.Same(slow, _policy.Pick(_context, [fast, slow]));
    }

    [Fact]
    public void Pick_UnsampledBackend_IsTriedFirst()
    {
        var sampled = Sampled("sampled", 1);
        var fresh = TestBackends.Create("fresh", _time);

        Assert.Same(fresh, _policy.Pick(_context, [sampled, fresh]));
    }

    [Fact]
    public void Pick_UnsampledTie_PicksFewerOutstanding()
    {
        var busy = TestBackends.Create("busy", _time, outstanding: 2);
        var idle = TestBackends.Create("idle", _time);

        Assert.Same(idle, _policy.Pick(_context, [busy, idle]));
    }

    [Fact]
    public void Pick_SlowBackendRecovers_WinsAgainAfterDecay()
    {
        var a = Sampled("a", 200);
        var b = Sampled("b", 50);
        Assert.Same(b, _policy.Pick(_context, [a, b]));

        _time.Advance(TimeSpan.FromSeconds(30));
        a.RequestStarted();
        a.RequestEnded(TimeSpan.FromMilliseconds(10));

        Assert.Same(a, _policy.Pick(_context, [a, b]));
    }

    private BackendState Sampled(string id, double latencyMs, int outstanding = 0)
    {
        var backend = TestBackends.Create(id, _time, outstanding: outstanding);
        backend.RequestStarted();
        backend.RequestEnded(TimeSpan.FromMilliseconds(latencyMs));
        return backend;
    }
}
