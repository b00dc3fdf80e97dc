using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class LeastOutstandingPolicyTests
{
    private readonly LeastOutstandingPolicy _policy = new();
    private readonly RoutingContext _context = new("m");

    [Fact]
    public void Pick_DifferentLoads_PicksTheFewestOutstanding()
    {
        BackendState[] backends = [TestBackends.Create("a", outstanding: 3), TestBackends.Create("b", outstanding: 1), TestBackends.Create("c", outstanding: 2)];

        Assert.Equal("b", _policy.Pick(_context, backends)!.Id);
    }

    [Fact]
    public void Pick_Tie_PicksTheFirst()
    {
        BackendState[] backends = [TestBackends.Create("a", outstanding: 2), TestBackends.Create("b", outstanding: 1), TestBackends.Create("c", outstanding: 1)];

        Assert.Equal("b", _policy.Pick(_context, backends)!.Id);
    }

    [Fact]
    public void Pick_AfterRequestsStartAndEnd_FollowsTheCounter()
    {
        BackendState[] backends = [TestBackends.Create("a"), TestBackends.Create("b")];
        backends[0].RequestStarted();
        Assert.Equal("b", _policy.Pick(_context, backends)!.Id);

        backends[1].RequestStarted();
        backends[1].RequestStarted();
        backends[0].RequestEnded(TimeSpan.FromMilliseconds(5));

        Assert.Equal("a", _policy.Pick(_context, backends)!.Id);
    }
}
