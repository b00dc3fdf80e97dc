using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests;

public sealed class EdgeCloudRoutingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEdgeCloudRouting_Defaults_ResolvesEveryContract()
    {
        using var provider = new ServiceCollection().AddEdgeCloudRouting().Services.BuildServiceProvider(validateScopes: true);

        Assert.NotNull(provider.GetRequiredService<IEdgeRoutePolicy>());
        Assert.NotNull(provider.GetRequiredService<ILatencyEstimator>());
        Assert.NotNull(provider.GetRequiredService<IPassiveHealthPolicy>());
        Assert.NotNull(provider.GetRequiredService<IActiveHealthTracker>());
        Assert.NotNull(provider.GetRequiredService<ICircuitBreakerFactory>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<SystemRandomSource>(provider.GetRequiredService<IRandomSource>());
        var registry = provider.GetRequiredService<IBackendPolicyRegistry>();
        Assert.Equal(BackendPolicies.PowerOfTwoChoices, registry.Get(null).Name);
        Assert.Equal(7, registry.Names.Count);
    }

    [Fact]
    public void AddEdgeCloudRouting_CalledTwice_RegistersNothingMore()
    {
        var services = new ServiceCollection();
        services.AddEdgeCloudRouting();
        var count = services.Count;

        var builder = services.AddEdgeCloudRouting();

        Assert.Same(services, builder.Services);
        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(7, provider.GetServices<IBackendPolicy>().Count());
    }

    [Fact]
    public void AddEdgeCloudRouting_SeamsAlreadyRegistered_KeepsThem()
    {
        var time = new FakeTimeProvider();
        var random = new TestRandomSource(0, 0);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSingleton<IRandomSource>(random);

        using var provider = services.AddEdgeCloudRouting().Services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Same(random, provider.GetRequiredService<IRandomSource>());
    }

    [Fact]
    public void AddEdgeCloudRouting_ConfiguredOptions_ReachTheServices()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddEdgeCloudRouting();
        services.Configure<CircuitBreakerOptions>(o => (o.MinimumThroughput, o.BreakDuration) = (2, TimeSpan.FromSeconds(7)));
        services.Configure<EdgeRouteOptions>(o => o.DefaultPreference = RouteTarget.Cloud);
        using var provider = services.BuildServiceProvider();

        var circuit = provider.GetRequiredService<ICircuitBreakerFactory>().Create("b");
        circuit.RecordFailure();
        circuit.RecordFailure();
        var decision = provider.GetRequiredService<IEdgeRoutePolicy>().Decide(new RouteRequest { ModelName = "m", LocalModelAvailable = true });

        Assert.Equal(TimeSpan.FromSeconds(7), circuit.RetryAfter);
        Assert.Equal(RouteTarget.Cloud, decision.Target);
    }

    [Fact]
    public void StartupValidation_TwoInvalidOptions_FailsWithEveryError()
    {
        var services = new ServiceCollection();
        services.AddEdgeCloudRouting();
        services.Configure<EdgeRouteOptions>(o => (o.ConfidenceThreshold, o.EwmaAlpha) = (3, 0));
        services.Configure<WeightedScoreOptions>(o => o.TemperatureCeilingC = 10);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ConfidenceThreshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("EwmaAlpha", error.Message, StringComparison.Ordinal);
        Assert.Contains("TemperatureCeilingC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_InvalidWeights_RejectedWithOneMessageListingEveryError()
    {
        var services = new ServiceCollection();
        services.AddEdgeCloudRouting();
        services.Configure<WeightedScoreOptions>(o => (o.GpuUtilizationWeight, o.TemperatureCeilingC, o.TemperatureFloorC) = (2, 30, 50));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeightedScoreOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
    }
}
