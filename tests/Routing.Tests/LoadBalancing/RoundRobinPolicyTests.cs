using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class RoundRobinPolicyTests
{
    private readonly RoundRobinPolicy _policy = new();
    private readonly RoutingContext _context = new("m");

    [Fact]
    public void Pick_SuccessiveCalls_VisitEachCandidateInTurn()
    {
        var backends = TestBackends.Many(3);

        var picks = Enumerable.Range(0, 6).Select(_ => _policy.Pick(_context, backends)!.Id);

        Assert.Equal(["b0", "b1", "b2", "b0", "b1", "b2"], picks);
    }

    [Fact]
    public void Pick_ConcurrentPicks_SpreadExactlyEvenly()
    {
        var backends = TestBackends.Many(4);
        var counts = new int[4];

        Parallel.For(0, 4_000, _ => Interlocked.Increment(ref counts[int.Parse(_policy.Pick(_context, backends)!.Id[1..], System.Globalization.CultureInfo.InvariantCulture)]));

        Assert.All(counts, count => Assert.Equal(1_000, count));
    }

    [Fact]
    public void Pick_IgnoresLoad()
    {
        var busy = TestBackends.Create("busy", outstanding: 100);
        var idle = TestBackends.Create("idle");

        Assert.Same(busy, _policy.Pick(_context, [busy, idle]));
        Assert.Same(idle, _policy.Pick(_context, [busy, idle]));
    }
}
