using EdgeCloud.Routing.Edge;

namespace EdgeCloud.Routing.Tests.Edge;

public sealed class EdgeRouteOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new EdgeRouteOptionsValidator().Validate(null, new EdgeRouteOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EveryFieldOutOfRange_ListsEveryError()
    {
        var options = new EdgeRouteOptions
        {
            HeavyCostThreshold = -1,
            ConfidenceThreshold = 1.5,
            DefaultPreference = RouteTarget.Refuse,
            EwmaAlpha = 0,
            DefaultLocalLatency = TimeSpan.FromMilliseconds(-5),
            DefaultCloudLatency = TimeSpan.FromHours(2),
        };

        var result = new EdgeRouteOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var member in new[] { "HeavyCostThreshold", "ConfidenceThreshold", "DefaultPreference", "EwmaAlpha", "DefaultLocalLatency", "DefaultCloudLatency" })
        {
            Assert.Contains(member, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
