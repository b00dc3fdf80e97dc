using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class BackendPolicyRegistryTests
{
    private readonly BackendPolicyRegistry _registry = new(BackendPoliciesTests.Names.Select(row => BackendPoliciesTests.Create(row.Data)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Get_NoName_ReturnsPowerOfTwoChoices(string? name)
    {
        Assert.Equal(BackendPolicies.PowerOfTwoChoices, _registry.Get(name).Name);
    }

    [Fact]
    public void Get_NameInAnyCase_ReturnsThePolicy()
    {
        Assert.Equal(BackendPolicies.ConsistentHashBoundedLoad, _registry.Get("consistenthashboundedload").Name);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingTheKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => _registry.Get("Random"));

        Assert.Contains(BackendPolicies.WeightedScore, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_KnownAndUnknown_ReportsPresence()
    {
        Assert.True(_registry.TryGet(BackendPolicies.EwmaLatency, out var policy));
        Assert.Equal(BackendPolicies.EwmaLatency, policy.Name);
        Assert.False(_registry.TryGet("nope", out _));
    }

    [Fact]
    public void Names_AllBuiltIns_AreListed()
    {
        Assert.Equal(7, _registry.Names.Count);
    }

    [Fact]
    public void Ctor_DuplicateNames_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BackendPolicyRegistry([new RoundRobinPolicy(), new RoundRobinPolicy()]));
    }

    [Fact]
    public void Ctor_WithoutTheDefault_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BackendPolicyRegistry([new RoundRobinPolicy()]));
    }
}
