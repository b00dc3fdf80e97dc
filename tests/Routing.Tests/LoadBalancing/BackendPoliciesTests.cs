using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class BackendPoliciesTests
{
    public static TheoryData<string> Names =>
    [
        BackendPolicies.RoundRobin,
        BackendPolicies.WeightedRoundRobin,
        BackendPolicies.LeastOutstanding,
        BackendPolicies.PowerOfTwoChoices,
        BackendPolicies.ConsistentHashBoundedLoad,
        BackendPolicies.EwmaLatency,
        BackendPolicies.WeightedScore,
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Pick_NoCandidates_ReturnsNull(string name)
    {
        Assert.Null(Create(name).Pick(new RoutingContext("m"), []));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pick_OneCandidate_ReturnsItWithoutDrawingRandomness(string name)
    {
        var only = TestBackends.Create("only", outstanding: 5);

        Assert.Same(only, Create(name).Pick(new RoutingContext("m"), [only]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Name_BuiltInPolicy_MatchesItsConstant(string name)
    {
        Assert.Equal(name, Create(name).Name);
    }

    [Fact]
    public void Default_IsPowerOfTwoChoices()
    {
        Assert.Equal(BackendPolicies.PowerOfTwoChoices, BackendPolicies.Default);
    }

    /// <summary>Creates a policy whose random script is empty, so any draw fails the test.</summary>
    internal static IBackendPolicy Create(string name) => name switch
    {
        BackendPolicies.RoundRobin => new RoundRobinPolicy(),
        BackendPolicies.WeightedRoundRobin => new WeightedRoundRobinPolicy(),
        BackendPolicies.LeastOutstanding => new LeastOutstandingPolicy(),
        BackendPolicies.PowerOfTwoChoices => new PowerOfTwoChoicesPolicy(new TestRandomSource()),
        BackendPolicies.ConsistentHashBoundedLoad => new ConsistentHashBoundedLoadPolicy(new TestOptionsMonitor<ConsistentHashOptions>(new())),
        BackendPolicies.EwmaLatency => new EwmaLatencyPolicy(),
        BackendPolicies.WeightedScore => new WeightedScorePolicy(new TestOptionsMonitor<WeightedScoreOptions>(new())),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
