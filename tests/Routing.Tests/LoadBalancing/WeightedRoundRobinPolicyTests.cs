using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class WeightedRoundRobinPolicyTests
{
    private readonly WeightedRoundRobinPolicy _policy = new();
    private readonly RoutingContext _context = new("m");

    [Fact]
    public void Pick_WeightsFiveOneOne_FollowsNginxSmoothSequence()
    {
        BackendState[] backends = [TestBackends.Create("a", weight: 5), TestBackends.Create("b", weight: 1), TestBackends.Create("c", weight: 1)];

        var picks = string.Concat(Enumerable.Range(0, 7).Select(_ => _policy.Pick(_context, backends)!.Id));

        Assert.Equal("aabacaa", picks);
    }

    [Fact]
    public void Pick_WholeCycles_ChooseEachExactlyInProportion()
    {
        BackendState[] backends = [TestBackends.Create("a", weight: 3), TestBackends.Create("b", weight: 2), TestBackends.Create("c", weight: 1)];

        for (var cycle = 0; cycle < 50; cycle++)
        {
            var counts = Enumerable.Range(0, 6).Select(_ => _policy.Pick(_context, backends)!.Id).CountBy(id => id).ToDictionary();

            Assert.Equal(3, counts["a"]);
            Assert.Equal(2, counts["b"]);
            Assert.Equal(1, counts["c"]);
        }
    }

    [Fact]
    public void Pick_ZeroWeight_IsNeverChosen()
    {
        BackendState[] backends = [TestBackends.Create("a", weight: 1), TestBackends.Create("drained", weight: 0)];

        var picks = Enumerable.Range(0, 10).Select(_ => _policy.Pick(_context, backends)!.Id);

        Assert.All(picks, id => Assert.Equal("a", id));
    }

    [Fact]
    public void Pick_AllWeightsZero_TreatsThemAsEqual()
    {
        BackendState[] backends = [TestBackends.Create("a", weight: 0), TestBackends.Create("b", weight: 0)];

        var picks = string.Concat(Enumerable.Range(0, 4).Select(_ => _policy.Pick(_context, backends)!.Id));

        Assert.Equal("abab", picks);
    }

    [Fact]
    public void Pick_WeightChangedAtRuntime_TakesEffect()
    {
        BackendState[] backends = [TestBackends.Create("a"), TestBackends.Create("b")];
        backends[1].Weight = 0;

        Assert.Equal("a", _policy.Pick(_context, backends)!.Id);
        Assert.Equal("a", _policy.Pick(_context, backends)!.Id);
    }
}
