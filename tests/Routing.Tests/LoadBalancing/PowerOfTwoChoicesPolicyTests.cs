using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class PowerOfTwoChoicesPolicyTests
{
    private readonly RoutingContext _context = new("m");

    [Fact]
    public void Pick_ScriptedPair_PicksTheLessLoaded()
    {
        var random = new TestRandomSource(0, 1);
        BackendState[] backends =
        [
            TestBackends.Create("a", outstanding: 5),
            TestBackends.Create("idle-but-not-drawn"),
            TestBackends.Create("c", outstanding: 2),
        ];

        // Draws 0, then 1 of the remaining two, which skips index 0 and lands on index 2.
        var picked = new PowerOfTwoChoicesPolicy(random).Pick(_context, backends);

        Assert.Equal("c", picked!.Id);
        Assert.Equal(0, random.Remaining);
    }

    [Fact]
    public void Pick_SecondDrawBelowFirst_KeepsItsIndex()
    {
        BackendState[] backends = [TestBackends.Create("a"), TestBackends.Create("b", outstanding: 1), TestBackends.Create("c", outstanding: 4)];

        var picked = new PowerOfTwoChoicesPolicy(new TestRandomSource(2, 1)).Pick(_context, backends);

        Assert.Equal("b", picked!.Id);
    }

    [Fact]
    public void Pick_TieBetweenDrawn_PicksTheFirstDrawn()
    {
        BackendState[] backends = [TestBackends.Create("a", outstanding: 1), TestBackends.Create("b", outstanding: 1)];

        var picked = new PowerOfTwoChoicesPolicy(new TestRandomSource(1, 0)).Pick(_context, backends);

        Assert.Equal("b", picked!.Id);
    }

    [Fact]
    public void Pick_NeverDrawsTheSameCandidateTwice()
    {
        BackendState[] backends = [TestBackends.Create("a", outstanding: 9), TestBackends.Create("b", outstanding: 9), TestBackends.Create("c")];

        for (var first = 0; first < 3; first++)
        {
            for (var second = 0; second < 2; second++)
            {
                var picked = new PowerOfTwoChoicesPolicy(new TestRandomSource(first, second)).Pick(_context, backends);
                var expectedSecond = second >= first ? second + 1 : second;
                Assert.Equal(first == 2 || expectedSecond == 2 ? "c" : backends[first].Id, picked!.Id);
            }
        }
    }
}
