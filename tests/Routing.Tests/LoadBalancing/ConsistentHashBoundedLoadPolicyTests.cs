using System.Globalization;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class ConsistentHashBoundedLoadPolicyTests
{
    private readonly ConsistentHashOptions _options = new();

    [Fact]
    public void Pick_SameKey_SameBackendAcrossCallsAndInstances()
    {
        var backends = TestBackends.Many(5);
        var context = new RoutingContext("bert-base");

        var first = Create().Pick(context, backends);

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Same(first, Create().Pick(context, backends)));
    }

    [Fact]
    public void Pick_AffinityKey_OverridesTheModelName()
    {
        var backends = TestBackends.Many(8);
        var policy = Create();

        var bySession = Keys(200).Select(k => policy.Pick(new RoutingContext("same-model", k), backends)!.Id).Distinct().Count();

        Assert.True(bySession > 1, "Affinity keys should spread one model over several backends.");
        Assert.Equal(policy.Pick(new RoutingContext("x", "k1"), backends), policy.Pick(new RoutingContext("y", "k1"), backends));
    }

    [Fact]
    public void Pick_ManyKeys_SpreadRoughlyEvenly()
    {
        var backends = TestBackends.Many(5);
        var policy = Create();

        var counts = Keys(10_000).Select(k => policy.Pick(new RoutingContext(k), backends)!.Id).CountBy(id => id).ToDictionary();

        Assert.Equal(5, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 1_400, 2_600));
    }

    [Fact]
    public void Pick_BackendAdded_MovesOnlyAboutOneNthOfKeysAndOnlyToIt()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var before = TestBackends.Many(10, time);
        var added = TestBackends.Create("b10", time);
        BackendState[] after = [.. before, added];
        var policy = Create();
        var keys = Keys(10_000).ToArray();

        var moved = keys.Where(k => policy.Pick(new RoutingContext(k), before) != policy.Pick(new RoutingContext(k), after)).ToArray();

        Assert.InRange(moved.Length / (double)keys.Length, 0.05, 0.14);
        Assert.All(moved, k => Assert.Same(added, policy.Pick(new RoutingContext(k), after)));
    }

    [Fact]
    public void Pick_BackendRemovedAndRestored_KeysReturnHome()
    {
        var backends = TestBackends.Many(4);
        var policy = Create();
        var context = new RoutingContext("llama");
        var home = policy.Pick(context, backends)!;

        var elsewhere = policy.Pick(context, backends.Where(b => b != home).ToArray());
        var again = policy.Pick(context, backends);

        Assert.NotSame(home, elsewhere);
        Assert.Same(home, again);
    }

    [Fact]
    public void Pick_HomeOverBoundedCapacity_SpillsToTheNextBackendClockwise()
    {
        var backends = TestBackends.Many(4);
        var context = new RoutingContext("whisper");
        var home = Create().Pick(context, backends)!;
        var next = Create().Pick(context, backends.Where(b => b != home).ToArray());
        for (var i = 0; i < 3; i++)
        {
            home.RequestStarted();
        }

        // Capacity ⌈1.25 × (3 + 1) / 4⌉ = 2, and the home backend already has 3.
        var picked = Create().Pick(context, backends);

        Assert.NotSame(home, picked);
        Assert.Same(next, picked);
    }

    [Fact]
    public void Pick_HomeUnderBoundedCapacity_StaysHome()
    {
        var backends = TestBackends.Many(4);
        var context = new RoutingContext("whisper");
        var home = Create().Pick(context, backends)!;
        foreach (var backend in backends)
        {
            backend.RequestStarted();
        }

        // Capacity ⌈1.25 × (4 + 1) / 4⌉ = 2, and every backend has 1.
        Assert.Same(home, Create().Pick(context, backends));
    }

    [Theory]
    [InlineData(1.25, new[] { 0, 0, 0, 0 }, 1)]
    [InlineData(1.25, new[] { 3, 0, 0, 0 }, 2)]
    [InlineData(1.25, new[] { 10, 10, 10, 10 }, 13)]
    [InlineData(2.0, new[] { 3, 0, 0, 0 }, 2)]
    public void Capacity_Loads_IsCeilingOfFactorTimesAverageIncludingTheNewRequest(double factor, int[] loads, int expected)
    {
        var backends = loads.Select((load, i) => TestBackends.Create($"b{i}", outstanding: load)).ToArray();

        Assert.Equal(expected, ConsistentHashBoundedLoadPolicy.Capacity(backends, factor));
    }

    [Fact]
    public void Pick_ManyCandidateLists_CachesBoundedNumberOfRings()
    {
        var backends = TestBackends.Many(6);
        var policy = Create();

        for (var skip = 0; skip < 100; skip++)
        {
            Assert.NotNull(policy.Pick(new RoutingContext("m"), backends.Where((_, i) => i != skip % 6).Take(3 + (skip % 3)).ToArray()));
        }
    }

    private static IEnumerable<string> Keys(int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"key-{i}"));

    private ConsistentHashBoundedLoadPolicy Create() => new(new TestOptionsMonitor<ConsistentHashOptions>(_options));
}
