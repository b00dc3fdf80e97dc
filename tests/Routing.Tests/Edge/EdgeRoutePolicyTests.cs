using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Edge;

namespace EdgeCloud.Routing.Tests.Edge;

public sealed class EdgeRoutePolicyTests
{
    private const string Model = "resnet50";
    private readonly EdgeRouteOptions _options = new() { HeavyCostThreshold = 1_000 };
    private readonly LatencyEstimator _latency;
    private readonly EdgeRoutePolicy _policy;

    public EdgeRoutePolicyTests()
    {
        var monitor = new TestOptionsMonitor<EdgeRouteOptions>(_options);
        _latency = new LatencyEstimator(monitor);
        _policy = new EdgeRoutePolicy(monitor, _latency);
    }

    public static TheoryData<string> CloudPreferences => ["multimodal", "heavy", "deadline", "default"];

    [Fact]
    public void Decide_HintLocalAndModelLocal_RunsLocalOverEveryPreference()
    {
        var decision = _policy.Decide(Request() with
        {
            Hint = RouteHint.Local,
            Modalities = Modality.Image | Modality.Text,
            EstimatedCost = 1e9,
            CloudLink = CircuitState.Closed,
        });

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.Equal(RouteRule.Hint, decision.Rule);
        Assert.False(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_HintLocalModelNotOnDevice_RefusesNamingTheModel()
    {
        var decision = _policy.Decide(Request() with { Hint = RouteHint.Local, LocalModelAvailable = false });

        Assert.True(decision.IsRefused);
        Assert.Equal(RouteRule.Hint, decision.Rule);
        Assert.Contains($"'{Model}' is not available on this device", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HintCloud_RunsCloudOverDefaultLocalWithFallback()
    {
        var decision = _policy.Decide(Request() with { Hint = RouteHint.Cloud });

        Assert.Equal(new RouteDecision(RouteTarget.Cloud, RouteRule.Hint, "cloud execution was requested", CanFallbackToLocal: true), decision);
    }

    [Fact]
    public void Decide_HintCloudModelOnlyInCloud_RunsCloudWithoutFallback()
    {
        var decision = _policy.Decide(Request() with { Hint = RouteHint.Cloud, LocalModelAvailable = false });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.False(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_HintCloudEdgeOnlyPlacement_Refuses()
    {
        var decision = _policy.Decide(Request() with { Hint = RouteHint.Cloud, Placement = ModelPlacement.Edge });

        Assert.True(decision.IsRefused);
        Assert.Equal(RouteRule.Hint, decision.Rule);
        Assert.Contains("edge only", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CircuitState.Open)]
    [InlineData(CircuitState.Isolated)]
    public void Decide_HintCloudLinkDown_RefusesInsteadOfRunningLocally(CircuitState link)
    {
        var decision = _policy.Decide(Request() with { Hint = RouteHint.Cloud, CloudLink = link });

        Assert.True(decision.IsRefused);
        Assert.Contains($"cloud link circuit is {link}", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ModelNowhereAllowed_Refuses()
    {
        var decision = _policy.Decide(Request() with { LocalModelAvailable = false, Placement = ModelPlacement.Edge });

        Assert.True(decision.IsRefused);
        Assert.Equal(RouteRule.Availability, decision.Rule);
        Assert.Contains(Model, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_EdgeOnlyPlacement_RunsLocalEvenWhenMultimodalHeavyAndCloudDefault()
    {
        _options.DefaultPreference = RouteTarget.Cloud;

        var decision = _policy.Decide(Request() with
        {
            Placement = ModelPlacement.Edge,
            Modalities = Modality.Image | Modality.Text,
            EstimatedCost = 1e9,
        });

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.Equal(RouteRule.Availability, decision.Rule);
    }

    [Fact]
    public void Decide_ModelOnlyInCloud_RunsCloudWithoutFallback()
    {
        var decision = _policy.Decide(Request() with { LocalModelAvailable = false });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.Availability, decision.Rule);
        Assert.False(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_CloudPlacementThoughInstalledLocally_RunsCloudWithoutFallback()
    {
        var decision = _policy.Decide(Request() with { Placement = ModelPlacement.Cloud });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.False(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_ModelOnlyInCloudAndLinkOpen_RefusesWithLinkReason()
    {
        var decision = _policy.Decide(Request() with { LocalModelAvailable = false, CloudLink = CircuitState.Open });

        Assert.True(decision.IsRefused);
        Assert.Equal(RouteRule.LinkHealth, decision.Rule);
        Assert.Equal($"model '{Model}' is not available on this device and the cloud link circuit is Open", decision.Reason);
    }

    [Theory]
    [InlineData(Modality.Image | Modality.Text)]
    [InlineData(Modality.Audio | Modality.Text)]
    [InlineData(Modality.Image | Modality.Tensor)]
    public void Decide_Multimodal_PrefersCloudWithFallback(Modality modalities)
    {
        var decision = _policy.Decide(Request() with { Modalities = modalities });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.Modality, decision.Rule);
        Assert.True(decision.CanFallbackToLocal);
    }

    [Theory]
    [InlineData(Modality.Image)]
    [InlineData(Modality.Text)]
    [InlineData(Modality.None)]
    public void Decide_SingleModality_FallsToDefault(Modality modalities)
    {
        var decision = _policy.Decide(Request() with { Modalities = modalities });

        Assert.Equal(RouteRule.DefaultPreference, decision.Rule);
    }

    [Fact]
    public void Decide_MultimodalWithDeadlineOnlyLocalFits_ModalityWins()
    {
        var decision = _policy.Decide(Request() with { Modalities = Modality.Image | Modality.Text, Deadline = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.Modality, decision.Rule);
    }

    [Fact]
    public void Decide_CostOverThreshold_PrefersCloud()
    {
        var decision = _policy.Decide(Request() with { EstimatedCost = 1_001 });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.Heaviness, decision.Rule);
        Assert.Equal("estimated cost 1001 exceeds the heavy threshold 1000", decision.Reason);
    }

    [Fact]
    public void Decide_CostAtThreshold_IsNotHeavy()
    {
        var decision = _policy.Decide(Request() with { EstimatedCost = 1_000 });

        Assert.Equal(RouteRule.DefaultPreference, decision.Rule);
    }

    [Fact]
    public void Decide_HeavyWithDeadlineOnlyLocalFits_HeavinessWins()
    {
        var decision = _policy.Decide(Request() with { EstimatedCost = 5_000, Deadline = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(RouteRule.Heaviness, decision.Rule);
    }

    [Fact]
    public void Decide_DeadlineBothPathsFit_PrefersLocal()
    {
        _options.DefaultPreference = RouteTarget.Cloud;

        var decision = _policy.Decide(Request() with { Deadline = TimeSpan.FromSeconds(1) });

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.Equal(RouteRule.Deadline, decision.Rule);
        Assert.Equal("both paths fit the deadline, preferring local (local ~50 ms, cloud ~250 ms, deadline 1000 ms)", decision.Reason);
    }

    [Fact]
    public void Decide_DeadlineOnlyCloudFits_RunsCloudFromEstimates()
    {
        _latency.Record(Model, RouteTarget.Local, TimeSpan.FromMilliseconds(900));
        _latency.Record(Model, RouteTarget.Cloud, TimeSpan.FromMilliseconds(120));

        var decision = _policy.Decide(Request() with { Deadline = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.Deadline, decision.Rule);
        Assert.True(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_DeadlineOnlyLocalFits_BeatsCloudDefault()
    {
        _options.DefaultPreference = RouteTarget.Cloud;

        var decision = _policy.Decide(Request() with { Deadline = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.StartsWith("only local fits the deadline", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, 300, RouteTarget.Cloud)]
    [InlineData(300, 400, RouteTarget.Local)]
    public void Decide_DeadlineNeitherFits_PicksTheFasterPath(int localMs, int cloudMs, RouteTarget expected)
    {
        _latency.Record(Model, RouteTarget.Local, TimeSpan.FromMilliseconds(localMs));
        _latency.Record(Model, RouteTarget.Cloud, TimeSpan.FromMilliseconds(cloudMs));

        var decision = _policy.Decide(Request() with { Deadline = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(expected, decision.Target);
        Assert.StartsWith("neither path fits the deadline", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CloudPreferences))]
    public void Decide_CloudPreferredAndLinkOpen_RunsLocalByLinkHealth(string preference)
    {
        var request = CloudPreferring(preference) with { CloudLink = CircuitState.Open };

        var decision = _policy.Decide(request);

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.Equal(RouteRule.LinkHealth, decision.Rule);
        Assert.EndsWith("but the cloud link circuit is Open: running locally", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CloudPreferences))]
    public void Decide_CloudPreferredAndLinkHalfOpen_StillRunsCloud(string preference)
    {
        var decision = _policy.Decide(CloudPreferring(preference) with { CloudLink = CircuitState.HalfOpen });

        Assert.Equal(RouteTarget.Cloud, decision.Target);
    }

    [Fact]
    public void Decide_LocalPreferredAndLinkOpen_KeepsItsOwnRule()
    {
        var decision = _policy.Decide(Request() with { CloudLink = CircuitState.Open });

        Assert.Equal(RouteTarget.Local, decision.Target);
        Assert.Equal(RouteRule.DefaultPreference, decision.Rule);
    }

    [Fact]
    public void Decide_NoRuleApplies_UsesDefaultLocal()
    {
        var decision = _policy.Decide(Request());

        Assert.Equal(new RouteDecision(RouteTarget.Local, RouteRule.DefaultPreference, "no rule applied, the default preference is local", false), decision);
    }

    [Fact]
    public void Decide_NoRuleAppliesWithCloudDefault_RunsCloud()
    {
        _options.DefaultPreference = RouteTarget.Cloud;

        var decision = _policy.Decide(Request());

        Assert.Equal(RouteTarget.Cloud, decision.Target);
        Assert.Equal(RouteRule.DefaultPreference, decision.Rule);
        Assert.True(decision.CanFallbackToLocal);
    }

    [Fact]
    public void Decide_NullRequest_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _policy.Decide(null!));
    }

    [Theory]
    [InlineData(0.59f, true)]
    [InlineData(0.6f, false)]
    [InlineData(0.95f, false)]
    [InlineData(float.NaN, true)]
    public void ShouldEscalate_ConfidenceAgainstThreshold_EscalatesBelowIt(float confidence, bool expected)
    {
        Assert.Equal(expected, _policy.ShouldEscalate(Request(), confidence));
    }

    [Fact]
    public void ShouldEscalate_CustomThreshold_IsHonoured()
    {
        _options.ConfidenceThreshold = 0.9;

        Assert.True(_policy.ShouldEscalate(Request(), 0.85f));
    }

    [Fact]
    public void ShouldEscalate_ExplicitLocalHint_NeverEscalates()
    {
        Assert.False(_policy.ShouldEscalate(Request() with { Hint = RouteHint.Local }, 0.1f));
    }

    [Fact]
    public void ShouldEscalate_EdgeOnlyModel_NeverEscalates()
    {
        Assert.False(_policy.ShouldEscalate(Request() with { Placement = ModelPlacement.Edge }, 0.1f));
    }

    [Theory]
    [InlineData(CircuitState.Open, false)]
    [InlineData(CircuitState.Isolated, false)]
    [InlineData(CircuitState.HalfOpen, true)]
    public void ShouldEscalate_LinkState_EscalatesOnlyWhenLinkIsUp(CircuitState link, bool expected)
    {
        Assert.Equal(expected, _policy.ShouldEscalate(Request() with { CloudLink = link }, 0.1f));
    }

    private static RouteRequest Request() => new() { ModelName = Model, LocalModelAvailable = true };

    private RouteRequest CloudPreferring(string preference)
    {
        switch (preference)
        {
            case "multimodal":
                return Request() with { Modalities = Modality.Audio | Modality.Text };
            case "heavy":
                return Request() with { EstimatedCost = 1e6 };
            case "deadline":
                _latency.Record(Model, RouteTarget.Local, TimeSpan.FromSeconds(2));
                return Request() with { Deadline = TimeSpan.FromSeconds(1) };
            default:
                _options.DefaultPreference = RouteTarget.Cloud;
                return Request();
        }
    }
}
