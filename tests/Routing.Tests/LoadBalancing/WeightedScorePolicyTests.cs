using System.Collections.Frozen;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.Routing.Tests.LoadBalancing;

public sealed class WeightedScorePolicyTests
{
    private const string Model = "yolo";
    private readonly WeightedScoreOptions _options = new();
    private readonly RoutingContext _context = new(Model);

    [Fact]
    public void Score_EveryFactorAtWorst_SumsTheDefaultWeights()
    {
        var backend = WithMetrics("worst", new BackendMetrics
        {
            GpuUtilization = 1,
            GpuMemoryUsed = 1,
            GpuTemperatureC = 95,
            QueueLength = 100,
            RttMs = 1_000,
        });
        backend.FailureRate = 1;

        Assert.Equal(1.0, WeightedScorePolicy.Score(backend, Model, _options), precision: 9);
    }

    [Fact]
    public void Score_IdleCoolWithModelLoaded_IsZero()
    {
        var backend = WithMetrics("best", new BackendMetrics { GpuTemperatureC = 30, LoadedModels = Loaded(Model) });

        Assert.Equal(0, WeightedScorePolicy.Score(backend, Model, _options));
    }

    [Theory]
    [InlineData(65, 0.5 * 0.15)]
    [InlineData(20, 0)]
    [InlineData(120, 0.15)]
    public void Score_Temperature_NormalisedBetweenFloorAndCeiling(double celsius, double expected)
    {
        var backend = WithMetrics("t", new BackendMetrics { GpuTemperatureC = celsius, LoadedModels = Loaded(Model) });

        Assert.Equal(expected, WeightedScorePolicy.Score(backend, Model, _options), precision: 9);
    }

    [Theory]
    [InlineData(16, 0.5 * 0.20)]
    [InlineData(500, 0.20)]
    public void Score_QueueLength_SaturatesAtTheConfiguredLength(int queue, double expected)
    {
        var backend = WithMetrics("q", new BackendMetrics { QueueLength = queue, LoadedModels = Loaded(Model) });

        Assert.Equal(expected, WeightedScorePolicy.Score(backend, Model, _options), precision: 9);
    }

    [Fact]
    public void Pick_BusierGpu_RanksLower()
    {
        var busy = WithMetrics("busy", new BackendMetrics { GpuUtilization = 0.9, GpuMemoryUsed = 0.8, LoadedModels = Loaded(Model) });
        var calm = WithMetrics("calm", new BackendMetrics { GpuUtilization = 0.2, GpuMemoryUsed = 0.3, LoadedModels = Loaded(Model) });

        Assert.Same(calm, Create().Pick(_context, [busy, calm]));
    }

    [Fact]
    public void Pick_EqualMetrics_PrefersTheBackendWithTheModelLoaded()
    {
        var cold = WithMetrics("cold", new BackendMetrics { GpuUtilization = 0.5 });
        var warm = WithMetrics("warm", new BackendMetrics { GpuUtilization = 0.5, LoadedModels = Loaded(Model) });

        Assert.Same(warm, Create().Pick(_context, [cold, warm]));
    }

    [Fact]
    public void Pick_FailingBackend_RanksLowerByHistory()
    {
        var flaky = WithMetrics("flaky", BackendMetrics.Empty);
        flaky.FailureRate = 0.5;
        var steady = WithMetrics("steady", BackendMetrics.Empty);

        Assert.Same(steady, Create().Pick(_context, [flaky, steady]));
    }

    [Fact]
    public void Pick_CustomWeights_ChangeTheRanking()
    {
        var hotIdleQueue = WithMetrics("hot", new BackendMetrics { GpuUtilization = 0.9, GpuTemperatureC = 85, QueueLength = 0, LoadedModels = Loaded(Model) });
        var coolLongQueue = WithMetrics("queued", new BackendMetrics { GpuUtilization = 0.1, GpuTemperatureC = 45, QueueLength = 30, LoadedModels = Loaded(Model) });
        Assert.Same(coolLongQueue, Create().Pick(_context, [hotIdleQueue, coolLongQueue]));

        _options.GpuUtilizationWeight = 0;
        _options.GpuTemperatureWeight = 0;
        _options.QueueLengthWeight = 1;

        Assert.Same(hotIdleQueue, Create().Pick(_context, [hotIdleQueue, coolLongQueue]));
    }

    [Fact]
    public void Pick_EqualScores_PicksFewerOutstanding()
    {
        var busy = TestBackends.Create("busy", outstanding: 3);
        var idle = TestBackends.Create("idle");

        Assert.Same(idle, Create().Pick(_context, [busy, idle]));
    }

    [Fact]
    public void RulesValidator_AllWeightsZeroAndCeilingBelowFloor_ReportsBoth()
    {
        var options = new WeightedScoreOptions
        {
            GpuUtilizationWeight = 0,
            GpuMemoryWeight = 0,
            GpuTemperatureWeight = 0,
            QueueLengthWeight = 0,
            ModelLoadedWeight = 0,
            NetworkRttWeight = 0,
            HistoryWeight = 0,
            TemperatureCeilingC = 30,
        };

        var result = new WeightedScoreOptionsRulesValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void Validators_Defaults_Succeed()
    {
        Assert.True(new WeightedScoreOptionsValidator().Validate(null, _options).Succeeded);
        Assert.True(new WeightedScoreOptionsRulesValidator().Validate(null, _options).Succeeded);
    }

    private static FrozenSet<string> Loaded(params string[] models) => models.ToFrozenSet();

    private static BackendState WithMetrics(string id, BackendMetrics metrics)
    {
        var backend = TestBackends.Create(id);
        backend.ReportMetrics(metrics);
        return backend;
    }

    private WeightedScorePolicy Create() => new(new TestOptionsMonitor<WeightedScoreOptions>(_options));
}
